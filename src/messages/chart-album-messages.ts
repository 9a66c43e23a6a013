import type { DailyReportData } from '../domain/daily-report-data.js';
import { formatDate, nfc } from './vi-format.js';

/**
 * The caption of the evening charts when the summary text follows them: it names what the images are
 * and leaves every figure to the text, so nothing is said twice.
 */
export function formatChartAlbumCaption(data: DailyReportData): string {
  return nfc(`Biểu đồ tiến độ số hóa – ${data.scopeName}, ngày ${formatDate(data.date)}`);
}
