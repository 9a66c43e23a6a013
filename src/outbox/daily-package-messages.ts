import type { NewOutboxMessage } from '../db/outbox.repository.js';
import { formatChartAlbumCaption } from '../messages/chart-album-messages.js';
import { formatDailyCaption, formatDailySummary } from '../messages/daily-summary-messages.js';
import type { DailyPackage } from '../services/daily-package.service.js';
import { albumOf } from './outbox-payload.js';

/**
 * The outbox messages that deliver a package to one chat, in reading order: ONE album of the charts
 * (the ranking images, the comparison of the scope's districts or clusters, the progress chart), ONE summary text, ONE PDF. When the
 * text follows, the album's caption only names the charts (the figures are the text's); charts alone
 * carry the short figures in their caption. Keys extend `keyPrefix`, so the same cause never sends twice.
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
    const charts = [...pkg.ranking, ...(pkg.group ? [pkg.group] : []), pkg.progress];
    const caption = parts.summary ? formatChartAlbumCaption(pkg.data) : formatDailyCaption(pkg.data);
    const album = albumOf(
      // Named by date so that a group's saved files from different evenings never collide.
      charts.map((bytes, i) => ({ fileName: `bieu-do-${pkg.data.date}-${i + 1}.png`, bytes })),
      caption,
    );
    messages.push({
      ...base,
      dedupeKey: `${keyPrefix}:album`,
      kind: 'album',
      payload: album.payload,
      attachment: album.attachment,
    });
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
