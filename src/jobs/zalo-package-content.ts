import { formatChartAlbumCaption } from '../messages/chart-album-messages.js';
import { formatDailySummary } from '../messages/daily-summary-messages.js';
import { zaloMessages } from '../messages/zalo-messages.js';
import { dailyPackageMessages } from '../outbox/daily-package-messages.js';
import type { DailyPackage } from '../services/daily-package.service.js';
import { mediaUrl, type MediaKind, type MediaSigning } from '../services/web-media.service.js';
import type { JobMessage } from './job-definition.js';

/** One message of a person's package, before the job names its recipient. */
export type ZaloPackagePart = Pick<JobMessage, 'kind' | 'payload' | 'attachment'>;

/**
 * A person's evening package on a Zalo channel, in reading order. With `signing` (Zalo Bot beside the
 * web side): one photo per chart, each by a signed address the platform fetches (`/m/<signed>`, 48 h),
 * the first carrying the caption; the summary text; the PDF as a link. The photo rows carry no bytes,
 * only the address (`url` in the payload; the Zalo Bot delivery sends it as is). Without it (Zalo OA,
 * which uploads bytes; or no web side): the same album, text and PDF a group gets — on Zalo Bot without
 * the web side they become text saying where to see the charts.
 */
export function zaloPackageMessages(
  pkg: DailyPackage,
  target: {
    platform: string;
    campaignId: number;
    scopeUnitId: number;
    now: Date;
    signing: MediaSigning | undefined;
  },
): ZaloPackagePart[] {
  const { signing } = target;
  if (!signing) {
    return dailyPackageMessages(pkg, { platform: target.platform, chatId: 'unused' }, 'unused').map(
      ({ kind, payload, attachment }) => ({ kind, payload, attachment: attachment ?? null }),
    );
  }
  const url = (kind: MediaKind, part = 0) =>
    mediaUrl(signing, kind, target.campaignId, pkg.data.date, target.scopeUnitId, { now: target.now, part });
  const charts: { kind: MediaKind; part: number }[] = [
    ...pkg.ranking.map((_, part) => ({ kind: 'ranking' as const, part })),
    ...(pkg.group ? [{ kind: 'district' as const, part: 0 }] : []),
    { kind: 'progress', part: 0 },
  ];
  const caption = formatChartAlbumCaption(pkg.data);
  return [
    ...charts.map((chart, index): ZaloPackagePart => ({
      kind: 'photo',
      payload: {
        fileName: `bieu-do-${pkg.data.date}-${index + 1}.png`,
        ...(index === 0 ? { caption } : {}),
        url: url(chart.kind, chart.part),
      },
      attachment: null,
    })),
    { kind: 'text', payload: { text: formatDailySummary(pkg.data) }, attachment: null },
    {
      kind: 'text',
      payload: { text: zaloMessages.document(pkg.pdfName, undefined, url('pdf')) },
      attachment: null,
    },
  ];
}
