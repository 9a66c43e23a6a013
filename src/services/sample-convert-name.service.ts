import { fileRulesOf, type Campaign } from '../domain/campaign.js';
import { readCaseFileName, type CaseNamePart, type CaseNameParts } from '../domain/case-file-name.js';
import type { FileVerdict } from '../domain/file-verdict.js';
import { normalizeText } from '../domain/text-normalize.js';
import {
  deleteConversation,
  findConversation,
  saveConversation,
  type ConversationKey,
} from '../db/conversation.repository.js';
import type { Db } from '../db/database.js';
import { nameFromParts } from '../files/convert/convert-name.js';
import { inspectFile } from '../files/file-inspector.js';

const NAMING_KIND = 'convert_name';
// Long enough to find the book on the shelf; the PDF waits in the conversation until then.
const NAMING_TTL_MS = 2 * 3_600_000;

/** A converted PDF waiting for the parts of its name. */
interface NamingState {
  readonly original: string;
  readonly known: CaseNameParts;
  readonly step: 'type' | 'parts';
  /** The PDF, base64: at most the size limit (100 KB), kept only while the question is open. */
  readonly pdf: string;
}

/** What the person is asked next, or the named file. */
export type NamingOutcome =
  | {
      readonly kind: 'ask_type';
      readonly fileName: string;
      readonly choices: readonly TypeChoice[];
      readonly retry: boolean;
    }
  | { readonly kind: 'ask_parts'; readonly missing: readonly CaseNamePart[]; readonly retry: boolean }
  /** Named by the rule, or `kept` under its stand-in name when the person skipped. */
  | {
      readonly kind: 'named';
      readonly fileName: string;
      readonly pdf: Buffer;
      readonly verdict: FileVerdict;
      readonly kept: boolean;
    };

/** One type the person may pick: the choice's data and the campaign's name for it. */
export interface TypeChoice {
  readonly code: string;
  readonly label: string;
}

/** The data of a type choice, e.g. `cvname:KS`. */
export const TYPE_CHOICE_PREFIX = 'cvname:';

function typeChoices(campaign: Campaign): TypeChoice[] {
  return Object.entries(campaign.settings.files.typeCodes).map(([code, label]) => ({ code, label }));
}

function nameRules(campaign: Campaign, now: Date) {
  const { typeCodes, minYear } = campaign.settings.files;
  return { typeCodes, minYear, maxYear: now.getUTCFullYear() };
}

function question(state: NamingState, campaign: Campaign, retry: boolean): NamingOutcome {
  const name = nameFromParts(state.known, state.original);
  if (state.step === 'type')
    return { kind: 'ask_type', fileName: name.name, choices: typeChoices(campaign), retry };
  return { kind: 'ask_parts', missing: name.kind === 'incomplete' ? name.missing : [], retry };
}

/**
 * Keeps a converted PDF whose name lacks parts and returns the first question: the type (as choices)
 * when it is missing, else the other missing parts in one line.
 */
export async function startConvertNaming(
  db: Db,
  key: ConversationKey,
  campaign: Campaign,
  pending: { readonly original: string; readonly known: CaseNameParts; readonly pdf: Uint8Array },
  now: Date,
): Promise<NamingOutcome> {
  const state: NamingState = {
    original: pending.original,
    known: pending.known,
    step: pending.known.type === undefined ? 'type' : 'parts',
    pdf: Buffer.from(pending.pdf).toString('base64'),
  };
  await saveConversation(db, key, NAMING_KIND, state, now, NAMING_TTL_MS);
  return question(state, campaign, false);
}

/** True when a converted PDF waits for its name in this conversation. */
export async function hasConvertNaming(db: Db, key: ConversationKey, now: Date): Promise<boolean> {
  return (await findConversation<NamingState>(db, key, NAMING_KIND, now)) !== undefined;
}

/** An answer: a picked type choice, or a line of text. */
export type NamingAnswer =
  { readonly kind: 'choice'; readonly data: string } | { readonly kind: 'text'; readonly text: string };

/**
 * Takes an answer to the open question: a type (a choice, its number, or its words), then the year, book
 * and number in one line; "bỏ qua" hands the file back under its present name. Undefined when nothing
 * waits for a name.
 */
export async function answerConvertNaming(
  db: Db,
  key: ConversationKey,
  campaign: Campaign,
  answer: NamingAnswer,
  skipWords: readonly string[],
  now: Date,
): Promise<NamingOutcome | undefined> {
  const state = await findConversation<NamingState>(db, key, NAMING_KIND, now);
  if (!state) return undefined;
  const text = answer.kind === 'text' ? normalizeText(answer.text).trim().toLowerCase() : '';
  if (answer.kind === 'text' && skipWords.includes(text)) return finish(db, key, campaign, state, now, true);
  const read = answer.kind === 'text' ? readAnswer(text, state, campaign, now) : {};
  const choices = typeChoices(campaign);
  let type: string | undefined = read.type;
  if (answer.kind === 'choice' && answer.data.startsWith(TYPE_CHOICE_PREFIX)) {
    const code = answer.data.slice(TYPE_CHOICE_PREFIX.length);
    if (choices.some((choice) => choice.code === code)) type = code;
  } else if (state.step === 'type' && /^\d{1,2}$/.test(text)) {
    type = choices[Number(text) - 1]?.code;
  }
  const known: CaseNameParts = { ...state.known, ...read, ...(type === undefined ? {} : { type }) };
  const next: NamingState = { ...state, known, step: known.type === undefined ? 'type' : 'parts' };
  const name = nameFromParts(known, state.original);
  if (name.kind === 'rule') return finish(db, key, campaign, next, now, false);
  // Asked again only when the answer added nothing; a partial answer moves on to what is still missing.
  const progressed = Object.keys(known).length > Object.keys(state.known).length;
  await saveConversation(db, key, NAMING_KIND, next, now, NAMING_TTL_MS);
  return question(next, campaign, !progressed);
}

/** The parts a line of text gives; a lone number fills the one number still missing. */
function readAnswer(text: string, state: NamingState, campaign: Campaign, now: Date): CaseNameParts {
  const parts = readCaseFileName(text, nameRules(campaign, now));
  const missing = nameFromParts(state.known, state.original);
  if (missing.kind === 'incomplete' && /^\d{1,4}$/.test(text)) {
    const numeric = missing.missing.filter((part) => part === 'book' || part === 'number');
    if (numeric.length === 1 && missing.missing.length === 1) {
      return numeric[0] === 'book' ? { book: text.padStart(2, '0') } : { number: text.padStart(3, '0') };
    }
  }
  // Only the parts still missing are taken: an answer does not overwrite what the file name said.
  return Object.fromEntries(
    Object.entries(parts).filter(([part]) => state.known[part as CaseNamePart] === undefined),
  ) as CaseNameParts;
}

async function finish(
  db: Db,
  key: ConversationKey,
  campaign: Campaign,
  state: NamingState,
  now: Date,
  kept: boolean,
): Promise<NamingOutcome> {
  await deleteConversation(db, key, NAMING_KIND);
  const fileName = nameFromParts(state.known, state.original).name;
  const pdf = Buffer.from(state.pdf, 'base64');
  const verdict = await inspectFile({ name: fileName, bytes: pdf }, fileRulesOf(campaign.settings), now);
  return { kind: 'named', fileName, pdf, verdict, kept };
}
