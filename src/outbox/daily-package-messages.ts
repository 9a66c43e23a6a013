import type { NewOutboxMessage } from '../db/outbox.repository.js';
import { formatDailyCaption, formatDailySummary } from '../messages/daily-summary-messages.js';
import type { DailyPackage } from '../services/daily-package.service.js';

/**
 * The outbox messages that deliver a package to one chat, in reading order: the ranking images (the
 * first with a short caption), the district comparison, the progress chart, the summary text, the PDF.
 * Keys extend `keyPrefix`, so the same cause never sends twice.
 */
export function dailyPackageMessages(
  pkg: DailyPackage,
  target: { platform: string; chatId: string },
  keyPrefix: string,
  parts: { charts: boolean; summary: boolean; pdf: boolean } = { charts: true, summary: true, pdf: true },
): NewOutboxMessage[] {
  const base = { platform: target.platform, chatId: target.chatId };
  const messages: NewOutboxMessage[] = [];
  if (parts.charts) {
    const photos = [...pkg.ranking, ...(pkg.district ? [pkg.district] : []), pkg.progress];
    photos.forEach((png, i) =>
      messages.push({
        ...base,
        dedupeKey: `${keyPrefix}:photo:${i + 1}`,
        kind: 'photo',
        // Named by date so that a group's saved files from different evenings never collide.
        payload: {
          fileName: `bieu-do-${pkg.data.date}-${i + 1}.png`,
          caption: i === 0 ? formatDailyCaption(pkg.data) : undefined,
        },
        attachment: png,
      }),
    );
  }
  if (parts.summary) {
    messages.push({
      ...base,
      dedupeKey: `${keyPrefix}:summary`,
      kind: 'text',
      payload: { text: formatDailySummary(pkg.data) },
    });
  }
  if (parts.pdf) {
    messages.push({
      ...base,
      dedupeKey: `${keyPrefix}:pdf`,
      kind: 'document',
      payload: { fileName: pkg.pdfName },
      attachment: pkg.pdf,
    });
  }
  return messages;
}
