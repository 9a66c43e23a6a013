import type { CampaignFile, MetricCode } from '../config/campaign-schema.js';
import type { Figures } from '../domain/progress.js';

/** What kind of answer the bot gave to a report, read the way a user reads it. */
export type ReportReplyKind = 'accepted' | 'confirm' | 'rejected' | 'ask';

// How the bot's report answers open (src/bot/messages/report-messages.ts).
const OPENINGS: readonly (readonly [ReportReplyKind, RegExp])[] = [
  ['accepted', /^✅ Đã ghi báo cáo/u],
  ['confirm', /^⚠️ Báo cáo ngày .* cần bạn xác nhận/u],
  ['rejected', /^❌ Chưa ghi báo cáo/u],
];

/** The kind of a report answer, or undefined when the text is something else (a reminder…). */
export function reportReplyKind(text: string, metrics: CampaignFile['metrics']): ReportReplyKind | undefined {
  const opening = OPENINGS.find(([, pattern]) => pattern.test(text))?.[0];
  if (opening) return opening;
  return askedMetric(text, metrics) ? 'ask' : undefined;
}

/** The metric a step-by-step question asks for ("Số trường hợp đã quét (scan) (lần trước: 1.540)?"). */
export function askedMetric(text: string, metrics: CampaignFile['metrics']): MetricCode | undefined {
  return metrics.find((m) =>
    text.split('\n').some((line) => line.startsWith(`${m.label}`) && line.includes('?')),
  )?.code;
}

/** The figures an "accepted" answer lists ("• Quét: 1.540 (+120)"), when all four are there. */
export function acceptedFigures(text: string, metrics: CampaignFile['metrics']): Figures | undefined {
  const found: Partial<Record<MetricCode, number>> = {};
  for (const line of text.split('\n')) {
    const match = /^• (.+?): ([\d.]+)/u.exec(line);
    const metric = match && metrics.find((m) => m.short === match[1]);
    if (match?.[2] && metric) found[metric.code] = Number(match[2].replaceAll('.', ''));
  }
  const { books, scanned, entered, attached } = found;
  if (books === undefined || scanned === undefined || entered === undefined || attached === undefined)
    return undefined;
  return { books, scanned, entered, attached };
}
