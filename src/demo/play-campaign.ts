import type { CampaignDefinition } from '../domain/campaign.js';
import type { Campaign } from '../domain/campaign.js';
import type { ManualClock } from '../domain/clock.js';
import { daysBetween } from '../domain/local-time.js';
import type { Db } from '../db/database.js';
import { jobSlots } from '../jobs/job-slots.js';
import type { ExportSheet } from '../reports/export-sheet.js';
import { ChatLog, type ChatEntry, type ChatInfo } from './chat-log.js';
import { MomentLog, type ChatMoment } from './chat-moments.js';
import { CommuneActor } from './commune-actor.js';
import { CoordinatorActor } from './coordinator-actor.js';
import { dayStats, type DayStats } from './day-stats.js';
import { buildCast, type DemoCast } from './demo-cast.js';
import { castChats } from './demo-chats.js';
import { issueInvites } from './demo-invites.js';
import { writeExport } from './demo-output.js';
import { DemoRandom } from './demo-random.js';
import type { DemoStage } from './demo-stage.js';
import { summaryText, type DemoSummary } from './demo-summary.js';
import { collectSummary, problemsText } from './summary-facts.js';
import { DemoTally } from './demo-tally.js';
import { DemoTimeline, PHASE } from './demo-timeline.js';
import { DemoWorld } from './demo-world.js';
import { DAYS_FOLDER, groupFileKeeper } from './delivery-archive.js';
import { LeaderActor } from './leader-actor.js';
import { ZaloLeaderActor } from './zalo-leader-actor.js';
import { progressLine } from './progress-line.js';
import { countReminders, remindersDelivered } from './reminder-kinds.js';
import type { DemoOptions } from './run-demo.js';
import { compareFinalFigures } from './final-check.js';
import { writeTranscripts } from './transcript-writer.js';
import { channelCounts } from './channel-counts.js';

/** What a demo run produced, for the command's output and for the end-to-end test. */
export interface DemoResult {
  readonly summary: DemoSummary;
  readonly summaryText: string;
  readonly cast: DemoCast;
  readonly chats: readonly ChatInfo[];
  readonly entries: readonly ChatEntry[];
  /** What each stretch of the chats was (who did what, which job ran), recorded as the demo played it. */
  readonly moments: readonly ChatMoment[];
  readonly days: readonly DayStats[];
  /** The export of the last day: what the database holds at the end. */
  readonly finalSheets: readonly ExportSheet[];
  /** Communes whose final figures in the database differ from what they last had confirmed. */
  readonly mismatches: readonly string[];
  readonly exportFile: string;
}

/** Plays day 0 (joining) and campaign days 1…N on a running stage, then writes the outputs. */
export async function playCampaign(input: {
  db: Db;
  campaign: Campaign;
  clock: ManualClock;
  stage: DemoStage;
  definition: CampaignDefinition;
  options: DemoOptions & { readonly communes: number };
  started: number;
}): Promise<DemoResult> {
  const { db, campaign, clock, stage, definition, options } = input;
  const { settings } = campaign;
  const timeZone = settings.timeZone;
  const random = new DemoRandom(options.seed);
  const campaignDays = daysBetween(settings.startDate, settings.endDate) + 1;
  const cast = buildCast(definition.units, options.communes, campaignDays, random, {
    zaloBot: stage.zaloBot !== undefined,
    ...(options.zaloOaUnit === undefined ? {} : { oaParentCode: options.zaloOaUnit }),
  });
  const log = new ChatLog(stage.deliveries, clock, stage.channel.botInfo?.first_name ?? 'Bot');
  const chats = castChats(cast);
  chats.forEach((chat) => log.addChat(chat));
  const tally = new DemoTally();
  const moments = new MomentLog(log);
  const world = new DemoWorld(db, stage, log, clock, campaign, random, tally, moments);
  for (const role of cast.communes) world.use(role.user, role.channel);
  for (const role of cast.zaloLeaders) world.use(role.leader, 'zalo-bot');
  const communes = cast.communes.map((role) => new CommuneActor(role, world));
  const byCode = new Map(communes.map((c) => [c.role.code, c]));
  const [first, second] = cast.communes;
  const coordinators = cast.coordinators.map(
    (role) =>
      new CoordinatorActor(role, world, byCode, {
        remind: role.unitCode === first?.parentCode,
        samples: role.unitCode === second?.parentCode,
      }),
  );
  const leaders = cast.groups.map((role) => new LeaderActor(role, world));
  const zaloLeaders = cast.zaloLeaders.map((role) => new ZaloLeaderActor(role, world));
  const keep = groupFileKeeper(options.outDir, timeZone);
  const timeline = new DemoTimeline(
    clock,
    () => world.settle(() => log.harvest(keep)),
    options.speed,
    (flow) => moments.endFlow(flow),
  );
  const played = new Set(cast.communes.map((c) => c.code));
  const days: DayStats[] = [];

  for (let day = 0; day <= options.days; day++) {
    const date = world.dateOf(day);
    const filesBefore = { ...tally.files };
    if (day === 0)
      timeline.at(world.instant(date, '08:00'), () =>
        issueInvites(db, campaign, clock, { communes, coordinators, leaders, zaloLeaders }).then(
          () => undefined,
        ),
      );
    for (const actor of [...coordinators, ...communes]) actor.planDay(day, timeline);
    for (const leader of leaders) leader.planDay(day, timeline, options.days);
    for (const leader of zaloLeaders) leader.planDay(day, timeline);
    if (day === options.days) coordinators.forEach((c) => c.planClosing(date, timeline));
    const times = new Set(
      stage.jobs.flatMap((job) =>
        jobSlots(job, campaign)
          .filter((s) => s.date === date)
          .map((s) => s.at.getTime()),
      ),
    );
    for (const time of times)
      timeline.at(
        new Date(time),
        async (ctx) => {
          for (const run of (await stage.tickJobs()).runs)
            if (run.kind === 'failed') tally.anomaly(`việc ${run.job} lúc ${run.slot.id} lỗi: ${run.error}`);
            else if (run.kind === 'ran') moments.begin(ctx, 'job', undefined, run.job);
        },
        PHASE.jobs,
      );
    if (day > 0)
      timeline.at(
        world.instant(date, '21:30'),
        async (ctx) => {
          const checked = tally.files.checked - filesBefore.checked;
          const rejected = tally.files.rejected - filesBefore.rejected;
          const stats = await dayStats(
            db,
            campaign,
            { day, date, now: ctx.now },
            { checked, rejected },
            played,
          );
          days.push(stats);
          options.progress?.(
            progressLine(stats, options.days, played.size, performance.now() - input.started),
          );
        },
        PHASE.close,
      );
    await timeline.runUntil(world.instant(date, '23:59'));
  }

  const lastDate = world.dateOf(options.days);
  const exported = await writeExport(db, campaign, options.outDir, lastDate, clock.now());
  const mismatches = compareFinalFigures(exported.sheets, communes);
  await writeTranscripts(options.outDir, log.chats, log.entries, {
    title: `Hội thoại — ${settings.name}`,
    timeZone,
    intro: [
      'Mỗi cuộc trò chuyện với bot trong bản chạy thử, theo giờ Việt Nam. Tin của bot là những gì Telegram và Zalo (giả lập) thật sự nhận được; cuộc trò chuyện trên Zalo ghi «trên Zalo» trong tên.',
      `Biểu đồ và báo cáo PDF các nhóm nhận mỗi tối nằm trong thư mục \`${DAYS_FOLDER}/\`.`,
    ],
  });
  const summary = collectSummary({
    settings,
    options,
    communes: cast.communes.length,
    played: played.size,
    days,
    tally,
    reminders: countReminders(
      await remindersDelivered(db, campaign, { fromDate: world.dateOf(0), toDate: lastDate }),
    ),
    entries: log.entries,
    groups: chats.filter((c) => c.role === 'group'),
    channels: await channelCounts(db, campaign, chats, stage),
    exported,
    mismatches,
    started: input.started,
  });
  return {
    summary,
    summaryText: summaryText(summary) + problemsText(tally.anomalies, mismatches),
    cast,
    chats,
    entries: log.entries,
    moments: moments.moments,
    days,
    finalSheets: exported.sheets,
    mismatches,
    exportFile: exported.name,
  };
}
