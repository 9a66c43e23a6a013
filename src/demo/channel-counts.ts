import { zaloOaSendCounts } from '../services/zalo-oa-window.service.js';
import type { Db } from '../db/database.js';
import { deliveriesByKey, messagesByPlatform } from '../services/demo-facts.service.js';
import type { Campaign } from '../domain/campaign.js';
import { oaEarlyReminderJob } from '../jobs/zalo-oa-early-reminder.job.js';
import { zaloPlatforms } from '../jobs/channel-jobs.js';
import { jobPrefix } from './reminder-kinds.js';
import type { ChatInfo } from './chat-log.js';
import type { DemoChannel } from './demo-channels.js';
import type { DemoStage } from './demo-stage.js';

/** One channel's share of the run. */
export interface ChannelCount {
  readonly channel: DemoChannel;
  /** Private chats of the cast on it (groups not counted). */
  readonly people: number;
  /** Messages people sent on it (updates the service stored). */
  readonly received: number;
  /** Messages the bot delivered on it. */
  readonly sent: number;
}

/** What the OA's interaction window cost over the run, as the service recorded it, and token refreshes. */
export interface OaCosts {
  readonly free: number;
  readonly billed: number;
  readonly refused: number;
  /** Report calls moved before 16:00 to land inside a reporter's free window (`zalo-oa-nhac-som`). */
  readonly earlyCalls: number;
  readonly refreshes: number;
}

/** Every channel the stage ran, with its counts read from the database; and the OA's costs. */
export async function channelCounts(
  db: Db,
  campaign: Campaign,
  chats: readonly ChatInfo[],
  stage: DemoStage,
): Promise<{ readonly byChannel: readonly ChannelCount[]; readonly oa: OaCosts | undefined }> {
  const counts = await messagesByPlatform(db);
  const running: DemoChannel[] = [
    'telegram',
    ...zaloPlatforms({ bot: stage.zaloBot !== undefined, oa: stage.zaloOa !== undefined }),
  ];
  const byChannel = running.map((channel) => {
    const count = counts.find((c) => c.platform === channel);
    return {
      channel,
      people: chats.filter((c) => c.role !== 'group' && c.channel === channel).length,
      received: count?.received ?? 0,
      sent: count?.sent ?? 0,
    };
  });
  if (!stage.zaloOa) return { byChannel, oa: undefined };
  const always = { from: new Date(0), to: new Date(8_640_000_000_000_000) };
  const costs = await zaloOaSendCounts(db, always.from, always.to);
  const early = await deliveriesByKey(db, campaign, {
    prefixes: [jobPrefix(oaEarlyReminderJob.name)],
    ...always,
  });
  return {
    byChannel,
    oa: { ...costs, earlyCalls: early.length, refreshes: stage.zaloOa.fake.state.refreshCalls },
  };
}
