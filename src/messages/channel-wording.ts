// The few facts about a channel that change what a sentence may say: Telegram's «Bấm «Xác nhận»» is
// wrong where there are no buttons, and «gửi tệp vào đây» is wrong where files never reach the bot.
// Messages take this small value rather than a channel, so each message file stays one per concept.

/** What a message's wording depends on in the channel it is said on. */
export interface ChannelWording {
  /**
   * Choices shown as buttons to press (Telegram) or as numbered lines answered with the number (Zalo;
   * numbered in the order of the payload's choices, row by row, see numberedChoices in zalo-messages.ts).
   */
  readonly choices: 'buttons' | 'numbers';
  /** Whether a file sent in the chat reaches the bot (not on Zalo Bot, where it arrives without content). */
  readonly filesInChat: boolean;
  /**
   * Whether people type commands in words without the slash («báo cáo …», «tiến độ»): the channels with
   * numbered choices (Zalo Bot, Zalo OA) read their texts through command-words.ts; Telegram has a menu.
   */
  readonly commandWords: boolean;
  /**
   * Whether the web side is on (WEB_BASE_URL): where files do not reach the bot, a reporter uploads them
   * there; without it the texts point to Telegram or the coordinator. Telegram's texts do not depend on it.
   */
  readonly webSide: boolean;
}

/** Telegram's wording: buttons, files in the chat, /commands. The default of every message. */
export const BUTTON_WORDING: ChannelWording = {
  choices: 'buttons',
  filesInChat: true,
  commandWords: false,
  webSide: false,
};

/**
 * The wording a channel's limits call for (`ctx.sohoa.limits`; structurally, to keep messages below
 * channels); `webSide` only where a text names the web side (the help: the bot knows, createChatBot).
 */
export function channelWording(
  limits: { readonly choiceStyle?: 'buttons' | 'numbers' | undefined; readonly downloadBytes: number },
  options: { readonly webSide?: boolean } = {},
): ChannelWording {
  const numbers = limits.choiceStyle === 'numbers';
  return {
    choices: numbers ? 'numbers' : 'buttons',
    filesInChat: limits.downloadBytes > 0,
    commandWords: numbers,
    webSide: options.webSide ?? false,
  };
}

/**
 * What may follow a command's words: anything (`any`), nothing — the words are the whole message (`none`),
 * or only a date (`12/03`, `ngày 12/03`), a sample number (`12`, `số 12`) or «thu hồi» (`revoke`); nothing
 * at all too. A narrow rule keeps a sentence that merely starts with the words as text («trang web chậm
 * quá», «mẫu này sai tên»), and a date followed by figures as a report («báo cáo ngày 05/03 xã … sổ 12»).
 */
export type WordArgs = 'any' | 'none' | 'date' | 'number' | 'revoke';

/**
 * The Vietnamese words a command can be typed as on a channel with command words, as a person writes
 * them, and what may follow them. Every entry must be read back to the same command by
 * src/channels/command-words.ts (asserted in test/channels/zalo-bot/zalo-wording.test.ts).
 */
export const COMMAND_WORDS: Readonly<Record<string, { readonly words: string; readonly args: WordArgs }>> = {
  baocao: { words: 'báo cáo', args: 'any' },
  baocaongay: { words: 'báo cáo ngày', args: 'date' },
  chuabaocao: { words: 'chưa báo cáo', args: 'none' },
  nhanbaocao: { words: 'nhận báo cáo', args: 'any' },
  start: { words: 'bắt đầu', args: 'any' },
  lienket: { words: 'liên kết', args: 'any' },
  nhacnho: { words: 'nhắc nhở', args: 'any' },
  dangky: { words: 'đăng ký', args: 'any' },
  tiendo: { words: 'tiến độ', args: 'none' },
  xephang: { words: 'xếp hạng', args: 'none' },
  trogiup: { words: 'trợ giúp', args: 'none' },
  bieudo: { words: 'biểu đồ', args: 'date' },
  xuatexcel: { words: 'xuất excel', args: 'date' },
  lichsu: { words: 'lịch sử', args: 'any' },
  chondot: { words: 'chọn đợt', args: 'any' },
  mau: { words: 'tệp mẫu', args: 'number' },
  web: { words: 'trang web', args: 'revoke' },
};

/**
 * A command as the person should type it here: `/baocao sổ 12` on Telegram, `báo cáo sổ 12` where words
 * are read. The slash form stays when the command has no words, or its words take no arguments and some
 * are given. Arguments of a restricted kind are trusted to be of that kind (`12/03` for a date): the help's
 * examples are read back by the test that checks COMMAND_WORDS.
 */
export function typedCommand(wording: ChannelWording, command: string, args?: string): string {
  const tail = args === undefined || args === '' ? '' : ` ${args}`;
  const words = wording.commandWords ? COMMAND_WORDS[command] : undefined;
  if (words && (words.args !== 'none' || tail === '')) return `${words.words}${tail}`;
  return `/${command}${tail}`;
}
