import { foldWord, normalizeText } from '../domain/text-normalize.js';
import type { ChatInput } from './chat-message.js';

// People on Zalo rarely type slashes: «báo cáo 12 …», «tiến độ», «Bắt đầu K7QPM-X3RTA». These are read
// as the same commands the features already handle (`baocao`, `tiendo`, `start` …), so no feature has to
// know which channel a person uses. Only the first words count: «báo cáo» inside a sentence is text.

/** A command phrase: its words, folded (lower case, no diacritics), and the command it stands for. */
interface CommandPhrase {
  readonly words: readonly string[];
  readonly command: string;
  /** True: the phrase may be followed by arguments; false: it must be the whole message. */
  readonly takesArgs: boolean;
}

const phrase = (text: string, command: string, takesArgs: boolean): CommandPhrase => ({
  words: text.split(' '),
  command,
  takesArgs,
});

/**
 * Every phrase, longest first so that «báo cáo ngày» wins over «báo cáo». Commands without arguments
 * match only a whole message: «tiến độ chậm quá» is a remark, not a request.
 */
const PHRASES: readonly CommandPhrase[] = [
  phrase('bao cao ngay', 'baocaongay', false),
  phrase('chua bao cao', 'chuabaocao', false),
  phrase('nhan bao cao', 'nhanbaocao', true),
  phrase('bao cao', 'baocao', true),
  phrase('baocao', 'baocao', true),
  phrase('baocaongay', 'baocaongay', false),
  phrase('chuabaocao', 'chuabaocao', false),
  phrase('nhanbaocao', 'nhanbaocao', true),
  phrase('bat dau', 'start', true),
  phrase('batdau', 'start', true),
  phrase('start', 'start', true),
  phrase('lien ket', 'lienket', true),
  phrase('lienket', 'lienket', true),
  phrase('nhac nho', 'nhacnho', true),
  phrase('nhacnho', 'nhacnho', true),
  phrase('dang ky', 'dangky', true),
  phrase('dangky', 'dangky', true),
  phrase('tien do', 'tiendo', false),
  phrase('tiendo', 'tiendo', false),
  phrase('xep hang', 'xephang', false),
  phrase('xephang', 'xephang', false),
  phrase('tro giup', 'trogiup', false),
  phrase('trogiup', 'trogiup', false),
  phrase('huong dan', 'trogiup', false),
  phrase('help', 'trogiup', false),
  phrase('bieu do', 'bieudo', false),
  phrase('bieudo', 'bieudo', false),
  phrase('xuat excel', 'xuatexcel', false),
  phrase('xuatexcel', 'xuatexcel', false),
  phrase('lich su', 'lichsu', true),
  phrase('lichsu', 'lichsu', true),
  phrase('chon dot', 'chondot', true),
  phrase('chondot', 'chondot', true),
].sort((a, b) => b.words.length - a.words.length);

/** The command names a phrase can stand for (for tests and documentation). */
export const WORD_COMMANDS: readonly string[] = [...new Set(PHRASES.map((p) => p.command))];

/** Punctuation people put after a word («Tiến độ?», «báo cáo:») that is not part of it. */
const TRAILING = /[.,:;!?…]+$/u;

/** A command read from words: the command name (as the features know it) and the rest of the text. */
export interface WordCommand {
  readonly command: string;
  readonly args: string;
}

/**
 * The command a message's first words stand for, or undefined. «Báo cáo: số 12 …» → baocao «số 12 …»;
 * «TIẾN ĐỘ?» → tiendo; «tiến độ hôm nay» → undefined (a whole message is needed without arguments).
 */
export function commandFromWords(text: string): WordCommand | undefined {
  const normalized = normalizeText(text).trim();
  const tokens = [...normalized.matchAll(/\S+/gu)];
  for (const candidate of PHRASES) {
    if (tokens.length < candidate.words.length) continue;
    const matches = candidate.words.every((word, i) => {
      const token = tokens[i]?.[0] ?? '';
      // Only the phrase's last word may carry punctuation: «báo, cáo» is not «báo cáo».
      const bare = i === candidate.words.length - 1 ? token.replace(TRAILING, '') : token;
      return foldWord(bare) === word;
    });
    if (!matches) continue;
    const last = tokens[candidate.words.length - 1];
    const end = (last?.index ?? 0) + (last?.[0].length ?? 0);
    const args = normalized
      .slice(end)
      .replace(/^[\s:\-–]+/u, '')
      .trim();
    if (!candidate.takesArgs && args.replace(/[.!?…]+/gu, '').trim() !== '') return undefined;
    return { command: candidate.command, args: candidate.takesArgs ? args : '' };
  }
  return undefined;
}

/**
 * A text message in the neutral form, for channels whose users type commands in words: `/name args`
 * (any case, `/bao cao` and `/báo cáo` joined), a command phrase, or plain text.
 */
export function textToChatInput(raw: string): ChatInput {
  const text = normalizeText(raw);
  const trimmed = text.trim();
  if (trimmed.startsWith('/')) {
    const afterSlash = trimmed.slice(1);
    const worded = commandFromWords(afterSlash);
    if (worded) return { kind: 'command', ...worded, text };
    const match = /^([A-Za-z0-9_]+)(?:\s+|$)/.exec(afterSlash);
    if (match) {
      const [head, name = ''] = match;
      return {
        kind: 'command',
        command: name.toLowerCase(),
        args: afterSlash.slice(head.length).trim(),
        text,
      };
    }
    return { kind: 'text', text };
  }
  const worded = commandFromWords(trimmed);
  return worded ? { kind: 'command', ...worded, text } : { kind: 'text', text };
}
