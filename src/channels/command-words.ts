import { foldWord, normalizeText } from '../domain/text-normalize.js';
import type { WordArgs } from '../messages/channel-wording.js';
import type { ChatInput } from './chat-message.js';

// People on Zalo rarely type slashes: «báo cáo 12 …», «tiến độ», «Bắt đầu K7QPM-X3RTA». These are read
// as the same commands the features already handle (`baocao`, `tiendo`, `start` …), so no feature has to
// know which channel a person uses. Only the first words count: «báo cáo» inside a sentence is text.

/** A command phrase: its words, folded (lower case, no diacritics), and the command it stands for. */
interface CommandPhrase {
  readonly words: readonly string[];
  readonly command: string;
  readonly args: WordArgs;
}

const phrase = (text: string, command: string, args: WordArgs): CommandPhrase => ({
  words: text.split(' '),
  command,
  args,
});

/**
 * The arguments a restricted phrase takes, checked on folded text. A date is anything shaped like one
 * (`12/03`, `ngày 12.03.2025`) so that an impossible day gets the command's «ngày không hợp lệ» rather
 * than being read as a report; figures after it («báo cáo ngày 05/03 xã 19333 sổ 12 …») are a report.
 */
const ARG_SHAPES: Readonly<Record<'date' | 'number' | 'revoke', RegExp>> = {
  date: /^(?:ngay\s+)?\d{1,2}([/.-])\d{1,2}(?:\1(?:\d{4}|\d{2}))?$/u,
  number: /^(?:so\s*)?#?\d+$/u,
  revoke: /^thu\s*hoi$/u,
};

/**
 * The arguments as the command reads them when they may follow a phrase with this rule (punctuation at
 * the end dropped, «số 12» as `12`), or undefined when they may not.
 */
function fittingArgs(rule: WordArgs, args: string): string | undefined {
  if (rule === 'any') return args;
  const bare = args.replace(/[.!?…]+$/u, '').trim();
  if (bare === '') return '';
  if (rule === 'none') return undefined;
  const folded = bare
    .split(/\s+/u)
    .map((word) => foldWord(word))
    .join(' ');
  if (!ARG_SHAPES[rule].test(folded)) return undefined;
  return rule === 'number' ? bare.replace(/^[^#\d]*/u, '') : bare;
}

/**
 * Every phrase, longest first so that «báo cáo ngày» wins over «báo cáo». Commands without arguments
 * match only a whole message: «tiến độ chậm quá» is a remark, not a request. A dated command takes a
 * date alone («báo cáo ngày 12/03»); anything more is a report and goes on to «báo cáo».
 */
const PHRASES: readonly CommandPhrase[] = [
  phrase('bao cao ngay', 'baocaongay', 'date'),
  phrase('chua bao cao', 'chuabaocao', 'none'),
  phrase('nhan bao cao', 'nhanbaocao', 'any'),
  phrase('bao cao', 'baocao', 'any'),
  phrase('baocao', 'baocao', 'any'),
  phrase('baocaongay', 'baocaongay', 'date'),
  phrase('chuabaocao', 'chuabaocao', 'none'),
  phrase('nhanbaocao', 'nhanbaocao', 'any'),
  phrase('bat dau', 'start', 'any'),
  phrase('batdau', 'start', 'any'),
  phrase('start', 'start', 'any'),
  phrase('lien ket', 'lienket', 'any'),
  phrase('lienket', 'lienket', 'any'),
  phrase('nhac nho', 'nhacnho', 'any'),
  phrase('nhacnho', 'nhacnho', 'any'),
  phrase('dang ky', 'dangky', 'any'),
  phrase('dangky', 'dangky', 'any'),
  phrase('tien do', 'tiendo', 'none'),
  phrase('tiendo', 'tiendo', 'none'),
  phrase('xep hang', 'xephang', 'none'),
  phrase('xephang', 'xephang', 'none'),
  phrase('tro giup', 'trogiup', 'none'),
  phrase('trogiup', 'trogiup', 'none'),
  phrase('huong dan', 'trogiup', 'none'),
  phrase('help', 'trogiup', 'none'),
  phrase('bieu do', 'bieudo', 'date'),
  phrase('bieudo', 'bieudo', 'date'),
  phrase('xuat excel', 'xuatexcel', 'date'),
  phrase('xuatexcel', 'xuatexcel', 'date'),
  phrase('lich su', 'lichsu', 'any'),
  phrase('lichsu', 'lichsu', 'any'),
  phrase('chon dot', 'chondot', 'any'),
  phrase('chondot', 'chondot', 'any'),
  // «mẫu 12» hands back sample 12; «tệp mẫu» lists them. Nothing but a number may follow, so a remark
  // about a sample («mẫu này sai tên») stays text.
  phrase('tep mau', 'mau', 'number'),
  phrase('mau', 'mau', 'number'),
  // «trang web» (or «web») gives the personal link; «trang web thu hồi» revokes, as `/web thuhoi`.
  phrase('trang web', 'web', 'revoke'),
  phrase('web', 'web', 'revoke'),
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
    // A phrase whose arguments do not fit may still be the start of a shorter one («báo cáo ngày 05/03
    // xã 19333 sổ 12 …» is a report): try the next phrase.
    const fitting = fittingArgs(candidate.args, args);
    if (fitting === undefined) continue;
    return { command: candidate.command, args: fitting };
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
