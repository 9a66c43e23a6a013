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
}

/** Telegram's wording: buttons, files in the chat, /commands. The default of every message. */
export const BUTTON_WORDING: ChannelWording = { choices: 'buttons', filesInChat: true, commandWords: false };

/** The wording a channel's limits call for (`ctx.sohoa.limits`; structurally, to keep messages below channels). */
export function channelWording(limits: {
  readonly choiceStyle?: 'buttons' | 'numbers' | undefined;
  readonly downloadBytes: number;
}): ChannelWording {
  const numbers = limits.choiceStyle === 'numbers';
  return {
    choices: numbers ? 'numbers' : 'buttons',
    filesInChat: limits.downloadBytes > 0,
    commandWords: numbers,
  };
}

/**
 * The Vietnamese words a command can be typed as on a channel with command words, as a person writes
 * them; `takesArgs` false: the words must be the whole message. Every entry must be read back to the same
 * command by src/channels/command-words.ts (asserted in test/channels/zalo-bot/zalo-wording.test.ts).
 */
export const COMMAND_WORDS: Readonly<
  Record<string, { readonly words: string; readonly takesArgs: boolean }>
> = {
  baocao: { words: 'báo cáo', takesArgs: true },
  baocaongay: { words: 'báo cáo ngày', takesArgs: false },
  chuabaocao: { words: 'chưa báo cáo', takesArgs: false },
  nhanbaocao: { words: 'nhận báo cáo', takesArgs: true },
  start: { words: 'bắt đầu', takesArgs: true },
  lienket: { words: 'liên kết', takesArgs: true },
  nhacnho: { words: 'nhắc nhở', takesArgs: true },
  dangky: { words: 'đăng ký', takesArgs: true },
  tiendo: { words: 'tiến độ', takesArgs: false },
  xephang: { words: 'xếp hạng', takesArgs: false },
  trogiup: { words: 'trợ giúp', takesArgs: false },
  bieudo: { words: 'biểu đồ', takesArgs: false },
  xuatexcel: { words: 'xuất excel', takesArgs: false },
  lichsu: { words: 'lịch sử', takesArgs: true },
  chondot: { words: 'chọn đợt', takesArgs: true },
};

/**
 * A command as the person should type it here: `/baocao sổ 12` on Telegram, `báo cáo sổ 12` where words
 * are read. The slash form stays when the command has no words, or its words take no arguments and some
 * are given (`/baocaongay 12/03`: «báo cáo ngày 12/03» would be read as a report).
 */
export function typedCommand(wording: ChannelWording, command: string, args?: string): string {
  const tail = args === undefined || args === '' ? '' : ` ${args}`;
  const words = wording.commandWords ? COMMAND_WORDS[command] : undefined;
  if (words && (words.takesArgs || tail === '')) return `${words.words}${tail}`;
  return `/${command}${tail}`;
}
