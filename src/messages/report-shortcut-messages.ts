import { quoted } from './quoted-input.js';
import type { BareFigure } from '../domain/bare-figures.js';
import type { BroadcastChoice } from '../domain/broadcast-refusal.js';
import type { CampaignFile } from '../domain/campaign-file.js';
import { formatNumber } from './vi-format.js';

function shortOf(metrics: CampaignFile['metrics'], figure: BareFigure): string {
  return (metrics.find((m) => m.code === figure.metric)?.short ?? figure.metric).toLowerCase();
}

/** Words for the shorthand ways of reporting. */
export const reportShortcutMessages = {
  /** What a line of bare numbers was read as, and how to write it next time. */
  bareFiguresHint: (metrics: CampaignFile['metrics'], figures: readonly BareFigure[]) => {
    const read = figures.map((f) => `${shortOf(metrics, f)} ${formatNumber(f.value)}`).join(', ');
    const example = figures.map((f) => `${shortOf(metrics, f)} ${f.value}`).join(' ');
    return `Đã hiểu là: ${read} — lần sau anh/chị có thể gửi /baocao ${example}`;
  },
  /** The report text the bare numbers stand for, in the parser's own words. */
  bareFiguresReport: (metrics: CampaignFile['metrics'], figures: readonly BareFigure[]) =>
    figures.map((f) => `${shortOf(metrics, f)} ${f.typed}`).join(' '),
  /** A commune name that fits several communes in the caller's scope. */
  ambiguousCommune: (typed: string, choices: readonly BroadcastChoice[]) =>
    [
      `Có nhiều xã tên «${quoted(typed)}» trong phạm vi của anh/chị; hãy ghi mã xã, ví dụ /baocao xã ${choices[0]?.code ?? ''} …:`,
      ...choices.map((c) => `• ${c.name}${c.parentName ? ` (${c.parentName})` : ''} — mã ${c.code}`),
    ].join('\n'),
} as const;
