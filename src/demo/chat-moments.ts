import type { ChatEntry, ChatLog } from './chat-log.js';

// What the demo's people (and its scheduler) did, recorded as data when they did it: the guide pictures
// are picked by these records, never by reading the bot's words, which change far more often.

/** What kind of moment a chat went through. */
export type MomentKind =
  | 'join'
  | 'help'
  | 'progress'
  | 'ranking'
  | 'missing'
  | 'daily_report'
  /** A one-line report as it should be (detail: how it was written). */
  | 'report'
  | 'wizard'
  | 'typo'
  | 'order'
  | 'correction'
  /** A report the bot holds, confirmed with its button. */
  | 'confirm'
  /** A sample file sent (detail: its defect, or `good`), and when refused its fixed copy. */
  | 'sample'
  /** A coordinator's `/nhacnho`, confirmed and followed to its result. */
  | 'broadcast'
  /** A coordinator reporting a past day for a silent commune. */
  | 'stand_in'
  /** A coordinator's `/mau`, and the file asked back. */
  | 'samples'
  /** The bot added to a leadership group, and the group registered. */
  | 'register_group'
  /** A scheduled job ran (detail: the job's name); it may have written to many chats. */
  | 'job';

/** One moment, and where its entries lie in the chat log. */
export interface ChatMoment {
  readonly kind: MomentKind;
  /** The chat it happened in; undefined: every chat the bot wrote to meanwhile (a job). */
  readonly chatId: number | undefined;
  readonly detail: string | undefined;
  /** The timeline flow that played it (its first action and the follow-ups). */
  readonly flow: number;
  /** The first log entry that may belong to it. */
  readonly fromSeq: number;
  /** The last log entry that may belong to it (undefined: the flow was still going when the run ended). */
  readonly toSeq: number | undefined;
}

/** Records moments as the timeline plays them; a moment closes when its flow has ended and settled. */
export class MomentLog {
  readonly #moments: { -readonly [K in keyof ChatMoment]: ChatMoment[K] }[] = [];

  constructor(private readonly log: ChatLog) {}

  /** Opens a moment in the acting flow: what the log records from now until the flow ends is its. */
  begin(ctx: { readonly flow: number }, kind: MomentKind, chatId: number | undefined, detail?: string): void {
    this.#moments.push({
      kind,
      chatId,
      detail,
      flow: ctx.flow,
      fromSeq: this.log.entries.length + 1,
      toSeq: undefined,
    });
  }

  /** Closes the flow's moments at the log's last entry (call once the flow's answers are logged). */
  endFlow(flow: number): void {
    for (const moment of this.#moments)
      if (moment.flow === flow && moment.toSeq === undefined) moment.toSeq = this.log.entries.length;
  }

  /** Every moment, in the order they began. */
  get moments(): readonly ChatMoment[] {
    return this.#moments;
  }
}

const covers = (moment: ChatMoment, entry: ChatEntry) =>
  entry.seq >= moment.fromSeq &&
  entry.seq <= (moment.toSeq ?? Number.POSITIVE_INFINITY) &&
  (moment.chatId === undefined || moment.chatId === entry.chatId);

/**
 * A moment's entries in one chat. A moment that began later inside its span (a `/tiendo` typed between a
 * morning report and its afternoon correction, a job's reminder) keeps its own entries.
 */
export function momentEntries(
  moment: ChatMoment,
  chatId: number,
  entries: readonly ChatEntry[],
  moments: readonly ChatMoment[],
): ChatEntry[] {
  const inside = moments.filter((m) => m.fromSeq > moment.fromSeq && m.fromSeq <= (moment.toSeq ?? Infinity));
  return entries.filter(
    (e) => e.chatId === chatId && covers(moment, e) && !inside.some((m) => m !== moment && covers(m, e)),
  );
}
