import { commandFromWords } from '../channels/command-words.js';

/** The chat apps the demo's people use. The names are the service's platform names. */
export type DemoChannel = 'telegram' | 'zalo-bot' | 'zalo-oa';

/** What the transcript calls each channel. */
export const CHANNEL_NAMES: Readonly<Record<DemoChannel, string>> = {
  telegram: 'Telegram',
  'zalo-bot': 'Zalo',
  'zalo-oa': 'Zalo OA',
};

/** Which Zalo channels a run plays, and who uses them. */
export interface DemoZaloOptions {
  /** A third of the communes (not the first four, whose scripted moments the guides show) and one leader. */
  readonly zaloBot: boolean;
  /** The communes of this district (or cluster) use the province's Official Account instead. */
  readonly oaParentCode?: string;
}

/**
 * The channel of the commune at position `index` of the cast: the OA district's communes on the OA;
 * every third commune after the first four on Zalo Bot, so that a third of a full run is on Zalo — and
 * the fourth (the forgetful one, who answers reminders) on Zalo Bot too, so that even a four-commune
 * run shows a Zalo chat beside the Telegram ones.
 */
export function communeChannel(index: number, parentCode: string, options: DemoZaloOptions): DemoChannel {
  if (options.oaParentCode !== undefined && parentCode === options.oaParentCode) return 'zalo-oa';
  if (!options.zaloBot) return 'telegram';
  return index === 3 || (index > 3 && index % 3 === 0) ? 'zalo-bot' : 'telegram';
}

/** The slash commands the demo's people type, and how a Zalo user types each one instead. */
const ZALO_WORDS: Readonly<Record<string, string>> = {
  start: 'Bắt đầu',
  baocao: 'Báo cáo',
  tiendo: 'Tiến độ',
  xephang: 'Xếp hạng',
  trogiup: 'Trợ giúp',
  chuabaocao: 'Chưa báo cáo',
  nhanbaocao: 'Nhận báo cáo',
};

/**
 * What a Zalo user types for a command: Zalo people rarely type slashes, so «/tiendo» becomes
 * «Tiến độ», «/baocao sổ 12 …» «Báo cáo sổ 12 …». Anything else is typed as it is. Checked against
 * the service's own reading of words, so a phrase it would not understand is never typed.
 */
export function asZaloUserTypesIt(text: string): string {
  const match = /^\/([a-z]+)(?:(\s+)([\s\S]*))?$/u.exec(text);
  const words = match?.[1] ? ZALO_WORDS[match[1]] : undefined;
  if (!match?.[1] || !words) return text;
  // The rest as it was written, on the same line or the next.
  const typed = match[3] ? `${words}${match[2] ?? ' '}${match[3]}` : words;
  return commandFromWords(typed)?.command === match[1] ? typed : text;
}
