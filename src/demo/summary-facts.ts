import type { CampaignFile } from '../domain/campaign-file.js';
import { planDefinitionLines } from '../messages/plan-definition-messages.js';
import type { ExportSheet } from '../reports/export-sheet.js';
import type { ChatEntry, ChatInfo } from './chat-log.js';
import type { DayStats } from './day-stats.js';
import { DAYS_FOLDER } from './delivery-archive.js';
import type { DemoSummary } from './demo-summary.js';
import type { DemoTally } from './demo-tally.js';
import { groupDeliveries } from './group-deliveries.js';
import type { ReminderKind } from './reminder-kinds.js';
import type { DemoOptions } from './run-demo.js';

/** Gathers what the closing summary says from the run's days, chats, tally and final export. */
export function collectSummary(input: {
  settings: CampaignFile;
  options: DemoOptions;
  communes: number;
  played: number;
  days: readonly DayStats[];
  tally: DemoTally;
  /** Reminders delivered over the whole run, by kind (read from the outbox). */
  reminders: Readonly<Record<ReminderKind, number>>;
  entries: readonly ChatEntry[];
  groups: readonly ChatInfo[];
  channels: DemoSummary['channels'];
  exported: { name: string; sheets: readonly ExportSheet[] };
  mismatches: readonly string[];
  started: number;
}): DemoSummary {
  const { settings, options, days, exported } = input;
  const rowsOf = (level: ExportSheet['level']) => exported.sheets.find((s) => s.level === level)?.rows ?? [];
  return {
    campaignName: settings.name,
    firstDate: settings.startDate,
    lastDate: days.at(-1)?.date ?? settings.startDate,
    days: options.days,
    communes: input.communes,
    seed: options.seed,
    planDefinition: planDefinitionLines(settings),
    reports: {
      onTime: days.reduce((n, d) => n + d.onTime, 0),
      late: days.reduce((n, d) => n + d.late, 0),
      communeDays: input.played * options.days,
    },
    tally: input.tally,
    maxKilobytes: Math.round(settings.files.maxBytes / 1024),
    reminders: input.reminders,
    groups: input.groups.map((g) =>
      groupDeliveries(g, input.entries, settings.timeZone, settings.summaryTime),
    ),
    channels: input.channels,
    // The middle level's units (districts, clusters); none on the two-level map.
    districts: exported.sheets
      .filter((s) => s.level !== 'province' && s.level !== 'commune')
      .flatMap((s) => s.rows)
      .map((r) => ({ name: r.unitName, completion: r.completion ?? 0 })),
    provinceCompletion: rowsOf('province')[0]?.completion ?? 0,
    matched: { ok: input.communes - input.mismatches.length, total: input.communes },
    outDir: options.outDir,
    outputs: [
      `${DAYS_FOLDER}/<ngày>/<nhóm>/  biểu đồ (PNG) và báo cáo ngày (PDF) đúng như mỗi nhóm lãnh đạo nhận mỗi tối`,
      `${exported.name}  bảng số liệu ngày cuối (như sohoa export --format xlsx)`,
      'transcript.md  mục lục hội thoại; chats/  từng cuộc trò chuyện, theo giờ',
      'summary.txt  bản tóm tắt này',
    ],
    durationMs: performance.now() - input.started,
  };
}

/** The anomalies and mismatches, listed after the summary (empty when there are none). */
export function problemsText(anomalies: readonly string[], mismatches: readonly string[]): string {
  const list = (title: string, items: readonly string[]) =>
    items.length > 0 ? `\n${title}:\n${items.map((item) => `- ${item}`).join('\n')}\n` : '';
  return list('Điều bất thường', anomalies) + list('Số liệu không khớp', mismatches);
}
