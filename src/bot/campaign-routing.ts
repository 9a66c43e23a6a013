import type { ChannelLimits } from '../channels/channel.js';
import type { ChatMessage } from '../channels/chat-message.js';
import { channelWording } from '../messages/channel-wording.js';
import type { Campaign } from '../domain/campaign.js';
import type { Db } from '../db/database.js';
import { enqueueOutbox } from '../db/outbox.repository.js';
import {
  CAMPAIGN_CHOICE_PATTERN,
  campaignChoiceMessages,
  campaignChoices,
} from '../messages/campaign-choice-messages.js';
import { describeMemberships, holdForChoice, releaseHeldFor } from '../services/campaign-choice.service.js';
import type { RouteInput } from '../services/campaign-route.service.js';
import { readChoiceNumber } from './features/numbered-choice.feature.js';

/** The commands whose argument is an invite code, which names its own campaign. */
const CODE_COMMANDS = new Set(['start', 'dangky']);

/**
 * What deciding an update's campaign needs to know of it. On a channel whose choices are numbered (Zalo),
 * a bare number may be the answer to "which campaign?": it must reach the numbered-choice feature rather
 * than wait for the very choice it makes.
 */
export function routeInputOf(message: ChatMessage, limits?: Pick<ChannelLimits, 'choiceStyle'>): RouteInput {
  const { input } = message;
  const numberedPick =
    limits?.choiceStyle === 'numbers' && input.kind === 'text' && readChoiceNumber(input.text) !== undefined;
  return {
    platform: message.platform,
    chatKind: message.chat.kind,
    chatId: message.chat.id,
    senderId: message.from?.id,
    inviteCode: input.kind === 'command' && CODE_COMMANDS.has(input.command) ? input.args : undefined,
    noWait:
      (input.kind === 'command' && input.command === 'chondot') ||
      (input.kind === 'command' && CODE_COMMANDS.has(input.command) && input.args.trim() !== '') ||
      (input.kind === 'choice' && CAMPAIGN_CHOICE_PATTERN.test(input.data)) ||
      numberedPick,
  };
}

/**
 * The sender is in several campaigns and has not chosen: the update is held (handled again once they
 * choose) and, for the first one held, they are asked which campaign — with a dedupe key of its own, so
 * that handling the update later starts its replies afresh.
 */
export async function holdAndAsk(
  trx: Db,
  args: {
    inboxId: number;
    message: ChatMessage;
    candidates: readonly Campaign[];
    now: Date;
    /** The channel's: the question names buttons or numbers as the channel shows its choices. */
    limits: Pick<ChannelLimits, 'choiceStyle' | 'downloadBytes'>;
  },
): Promise<void> {
  const { message, now } = args;
  const senderId = message.from?.id;
  if (senderId === undefined) return;
  const identity = { platform: message.platform, platformUserId: senderId };
  const { ask } = await holdForChoice(trx, identity, args.inboxId, now);
  if (!ask) return;
  const items = await describeMemberships(trx, identity, args.candidates);
  const wording = channelWording(args.limits);
  await enqueueOutbox(
    trx,
    [
      {
        dedupeKey: `${message.platform}:update:${message.updateId}:choose-campaign`,
        platform: message.platform,
        chatId: message.chat.id,
        kind: 'text',
        payload: {
          text: campaignChoiceMessages.ask(items, wording),
          choices: campaignChoices(items, wording),
        },
      },
    ],
    now,
  );
}

/**
 * A person with held messages who no longer has to choose (a membership ended, leaving one): their
 * messages are handed back rather than kept waiting for a question that no longer applies.
 */
export async function releaseIfHeld(trx: Db, message: ChatMessage): Promise<void> {
  const senderId = message.from?.id;
  if (senderId === undefined || message.chat.kind !== 'private') return;
  await releaseHeldFor(trx, { platform: message.platform, platformUserId: senderId });
}
