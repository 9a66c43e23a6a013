import { channelWording } from '../../messages/channel-wording.js';
import { botMessages } from '../../messages/common-messages.js';
import {
  CAMPAIGN_CHOICE_PATTERN,
  campaignChoiceMessages,
  campaignChoices,
} from '../../messages/campaign-choice-messages.js';
import {
  chooseCampaign,
  currentCampaignChoice,
  describeMemberships,
} from '../../services/campaign-choice.service.js';
import { ChatComposer } from '../chat-composer.js';
import type { ChatContext } from '../chat-context.js';
import { commandArgs, senderId } from './command-args.js';

/**
 * `/chondot [n]`: a person in several campaigns of this deployment picks the one their messages are for
 * (remembered until they pick another); without a number it lists their campaigns, the current marked,
 * as choices (buttons on Telegram; on Zalo numbered lines, answered by «2» or «chọn đợt 2»).
 * Picking also hands back the messages that waited for the choice.
 */
export const chooseCampaignFeature = new ChatComposer();

const identityOf = (ctx: ChatContext) => ({ platform: ctx.sohoa.platform, platformUserId: senderId(ctx) });

async function choose(ctx: ChatContext, campaignId: number, answer: 'reply' | 'edit'): Promise<void> {
  const deps = ctx.sohoa;
  const result = await chooseCampaign(deps.db, identityOf(ctx), campaignId, deps.campaigns, deps.clock);
  const say = (text: string) => (answer === 'edit' ? deps.editCurrent(text) : deps.reply(text));
  const wording = channelWording(deps.limits);
  if (result.kind === 'not_member') {
    await say(campaignChoiceMessages.notMember(wording));
    return;
  }
  const items = await describeMemberships(deps.db, identityOf(ctx), [result.campaign]);
  await say(
    campaignChoiceMessages.chosen(
      result.campaign.settings.name,
      items[0]?.unitName ?? '',
      result.released,
      wording,
    ),
  );
}

chooseCampaignFeature.command('chondot', async (ctx) => {
  const deps = ctx.sohoa;
  const wording = channelWording(deps.limits);
  if (ctx.message.chat.kind !== 'private') {
    await deps.reply(campaignChoiceMessages.privateOnly);
    return;
  }
  const items = await describeMemberships(deps.db, identityOf(ctx), deps.campaigns);
  if (items.length === 0) {
    await deps.reply(botMessages.joinHowTo);
    return;
  }
  const arg = commandArgs(ctx).trim();
  if (arg) {
    const n = /^\d{1,3}$/.test(arg) ? Number(arg) : NaN;
    const picked = items[n - 1];
    if (!picked) {
      await deps.reply(campaignChoiceMessages.badNumber(items.length, wording));
      return;
    }
    await choose(ctx, picked.campaignId, 'reply');
    return;
  }
  const current =
    items.length === 1 ? items[0]?.campaignId : await currentCampaignChoice(deps.db, identityOf(ctx));
  await deps.reply(
    campaignChoiceMessages.list(items, current, wording),
    items.length > 1 ? { choices: campaignChoices(items, wording) } : undefined,
  );
});

chooseCampaignFeature.choice(CAMPAIGN_CHOICE_PATTERN, async (ctx) => {
  await choose(ctx, Number(ctx.match?.[1]), 'edit');
});
