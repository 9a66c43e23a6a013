import type { Channel } from '../channels/channel.js';
import type { ChatMessage } from '../channels/chat-message.js';
import type { Campaign } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import { enqueueOutbox, type NewOutboxMessage } from '../db/outbox.repository.js';
import type { EditPayload, TextPayload } from '../outbox/outbox-payload.js';
import type { Membership } from './membership.js';
import type { ReplyOptions, UpdateDeps } from './chat-context.js';
import type { PreparedWork } from './prepared-work.js';

function textPayload(text: string, options?: ReplyOptions): TextPayload {
  return options?.choices ? { text, choices: options.choices } : { text };
}

/**
 * What the handlers of one update get: its transaction, its campaign (and all served), the clock, the sender's
 * membership, the prepared work, and reply helpers that write to the outbox. Dedupe keys come from the
 * update id and the order of replies, so handling the same update again enqueues nothing new.
 */
export function buildUpdateDeps(args: {
  trx: Db;
  inboxId: number;
  message: ChatMessage;
  channel: Channel;
  campaign: Campaign;
  campaigns: readonly Campaign[];
  clock: Clock;
  membership: Membership;
  prepared: PreparedWork;
}): UpdateDeps {
  const { trx, message, clock } = args;
  let sequence = 0;
  const enqueue = (m: Omit<NewOutboxMessage, 'dedupeKey' | 'platform'>) =>
    enqueueOutbox(
      trx,
      [
        {
          ...m,
          platform: message.platform,
          dedupeKey: `${message.platform}:update:${message.updateId}:${++sequence}`,
        },
      ],
      clock.now(),
    ).then(() => undefined);
  const chatId = message.chat.id;
  const deps: UpdateDeps = {
    db: trx,
    campaign: args.campaign,
    campaigns: args.campaigns,
    clock,
    platform: message.platform,
    updateId: message.updateId,
    inboxId: args.inboxId,
    limits: args.channel.limits,
    member: args.membership?.member,
    unit: args.membership?.unit,
    prepared: args.prepared,
    chatId,
    reply: (text, options) =>
      enqueue({ chatId: options?.chatId ?? chatId, kind: 'text', payload: textPayload(text, options) }),
    editCurrent: (text, options) => {
      const input = message.input;
      if (input.kind !== 'choice' || input.messageId === undefined) return deps.reply(text, options);
      const payload: EditPayload = { ...textPayload(text, options), message_id: input.messageId };
      return enqueue({ chatId, kind: 'edit', payload });
    },
    replyDocument: (fileName, bytes, caption) =>
      enqueue({ chatId, kind: 'document', payload: { fileName, caption }, attachment: bytes }),
    enqueue: (messages) => enqueueOutbox(trx, messages, clock.now()).then(() => undefined),
  };
  return deps;
}
