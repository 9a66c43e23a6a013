import type { Figures } from '../domain/progress.js';
import type { DemoRandom } from './demo-random.js';

/** How reliably a commune reports: almost always, when reminded, or not at all for a stretch. */
export type Diligence = 'diligent' | 'forgetful' | 'silent';

/** How a commune usually writes its report. */
export type ReportStyle = 'line' | 'diacritics' | 'multiline' | 'wizard';

/** A simulated commune's habits, drawn once from the seed. */
export interface CommuneProfile {
  readonly diligence: Diligence;
  readonly style: ReportStyle;
  /** Sends a wrong sample file first more often than not. */
  readonly sloppyFiles: boolean;
  /** Chance of sending sample files on a given day. */
  readonly fileRate: number;
  /** The campaign day (1-based) from which the commune is in the bot; 0 = before the start. */
  readonly joinDay: number;
  /** Campaign days (1-based) on which it sends nothing and ignores every reminder. */
  readonly silentDays: readonly number[];
  /** Share of the target done by the end of each campaign day (index 0 = day 1); never decreases. */
  readonly progress: readonly number[];
  /** Share of books collected on day 1 (the books milestone was due before the campaign). */
  readonly booksAtStart: number;
  /** How far scanning and entering run ahead of attaching. */
  readonly scanLead: number;
  readonly enterLead: number;
}

/** A commune's target from `units.csv`. */
export interface CommuneTarget {
  readonly books: number;
  readonly cases: number;
}

/** A wide mix, with the proportions a province might see. */
export function drawProfile(random: DemoRandom, campaignDays: number): CommuneProfile {
  const roll = random.next();
  const diligence: Diligence = roll < 0.04 ? 'silent' : roll < 0.34 ? 'forgetful' : 'diligent';
  const styleRoll = random.next();
  const style: ReportStyle =
    styleRoll < 0.5 ? 'line' : styleRoll < 0.75 ? 'diacritics' : styleRoll < 0.95 ? 'multiline' : 'wizard';
  const pace = random.next();
  // Days to finish: fast communes are done early, slow ones will not finish in time.
  const finishDay =
    pace < 0.3 ? random.between(12, 17) : pace < 0.8 ? random.between(17, 21) : random.between(22, 32);
  const progress: number[] = [];
  let done = 0;
  for (let day = 1; day <= campaignDays; day++) {
    // A slower first days (getting organised), then a steady pace with daily ups and downs.
    const warmup = day <= 2 ? 0.6 : 1;
    done = Math.min(1, done + (warmup * random.between(0.6, 1.4)) / finishDay);
    progress.push(done);
  }
  const silentDays: number[] = [];
  if (diligence === 'silent') {
    const from = random.int(2, Math.max(2, campaignDays - 3));
    for (let day = from; day < from + random.int(2, 4); day++) silentDays.push(day);
  }
  const lateJoin = random.next();
  return {
    diligence,
    style,
    sloppyFiles: random.chance(0.15),
    fileRate: random.between(0.03, 0.1),
    joinDay: lateJoin < 0.03 ? 1 : lateJoin < 0.04 ? 3 : 0,
    silentDays,
    progress,
    booksAtStart: random.chance(0.8) ? 1 : random.between(0.75, 0.95),
    scanLead: random.between(1.04, 1.15),
    enterLead: random.between(1.0, 1.06),
  };
}

/** The commune's true cumulative figures at the end of a campaign day (1-based). */
export function trueFigures(profile: CommuneProfile, target: CommuneTarget, day: number): Figures {
  const share = day < 1 ? 0 : (profile.progress[Math.min(day, profile.progress.length) - 1] ?? 0);
  const of = (lead: number) => Math.min(target.cases, Math.floor(target.cases * Math.min(1, share * lead)));
  const books = Math.min(
    target.books,
    Math.round(target.books * Math.min(1, profile.booksAtStart + ((1 - profile.booksAtStart) * day) / 4)),
  );
  return { books, scanned: of(profile.scanLead), entered: of(profile.enterLead), attached: of(1) };
}
