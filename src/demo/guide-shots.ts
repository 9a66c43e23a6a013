import { dailySummaryJob } from '../jobs/daily-summary.job.js';
import { missedReportJob } from '../jobs/missed-report.job.js';
import { reportCallJob } from '../jobs/report-call.job.js';
import type { ChatEntry, ChatInfo, ChatRole } from './chat-log.js';
import { momentEntries, type ChatMoment, type MomentKind } from './chat-moments.js';

// Which stretch of which chat each guide picture shows, picked by what the demo recorded (the kind of
// moment, the job that ran, the chat's role, the kinds of log entries) — never by the bot's wording, so
// the pictures follow the bot when its words change. The file names are the ones the guides link to.

/** The pictures the guides (docs/huong-dan-*.md) embed, by file name under docs/images. */
export const GUIDE_IMAGE_FILES = [
  'xa-1-tham-gia.png',
  'xa-2-bao-cao.png',
  'xa-3-tung-buoc.png',
  'xa-4-xac-nhan.png',
  'xa-5-tep-mau.png',
  'xa-6-nhac-viec.png',
  'dieu-phoi-1-nhac-nho.png',
  'dieu-phoi-2-bao-cao-thay.png',
  'dieu-phoi-3-tien-do.png',
  'dieu-phoi-4-tep-mau.png',
  'lanh-dao-1-dang-ky.png',
  'lanh-dao-2-buoi-toi.png',
  'lanh-dao-3-tom-tat.png',
  'lanh-dao-4-hoi-nhanh.png',
] as const;

export type GuideImageFile = (typeof GUIDE_IMAGE_FILES)[number];

/** One picture: a stretch of one chat, seen from the phone of its person (`me`, on the right). */
export interface GuideShot {
  readonly file: GuideImageFile;
  readonly chat: ChatInfo;
  readonly me: string;
  readonly entries: readonly ChatEntry[];
}

/** What the pictures are picked from: a demo run's chats, log and moments. */
export interface GuideSource {
  readonly chats: readonly ChatInfo[];
  readonly entries: readonly ChatEntry[];
  readonly moments: readonly ChatMoment[];
}

/** A stretch of a chat. */
interface Stretch {
  readonly chatId: number;
  readonly entries: readonly ChatEntry[];
}

/** The evening the leaders' pictures show: the third (early in the campaign, with a little history). */
const EVENING_SHOWN = 3;

/** Finds moments and their entries in one run, in Telegram's chats: the pictures draw Telegram's screen. */
class MomentFinder {
  readonly #roles: ReadonlyMap<number, ChatRole>;
  readonly #chats: readonly ChatInfo[];

  constructor(private readonly source: GuideSource) {
    this.#chats = source.chats.filter((c) => c.channel === 'telegram');
    this.#roles = new Map(this.#chats.map((c) => [c.id, c.role]));
  }

  /** The first moment of a kind, in a chat of a role, that showed something and passes `test`. */
  first(kind: MomentKind, role: ChatRole, test: (m: ChatMoment, s: Stretch) => boolean = () => true) {
    for (const moment of this.source.moments) {
      if (moment.kind !== kind || moment.chatId === undefined) continue;
      if (this.#roles.get(moment.chatId) !== role) continue;
      const stretch = this.stretch(moment, moment.chatId);
      if (stretch.entries.length > 0 && test(moment, stretch)) return stretch;
    }
    return undefined;
  }

  /** What the runs of a job delivered to one chat, run by run (runs that wrote nothing left out). */
  jobRuns(job: string, chatId: number): (Stretch & { readonly fromSeq: number })[] {
    return this.source.moments
      .filter((m) => m.kind === 'job' && m.detail === job)
      .map((m) => ({ ...this.stretch(m, chatId), fromSeq: m.fromSeq }))
      .filter((s) => s.entries.length > 0);
  }

  stretch(moment: ChatMoment, chatId: number): Stretch {
    return { chatId, entries: momentEntries(moment, chatId, this.source.entries, this.source.moments) };
  }

  chatsOf(role: ChatRole): ChatInfo[] {
    return this.#chats.filter((c) => c.role === role);
  }
}

const withButton = (_m: ChatMoment, s: Stretch) => s.entries.some((e) => e.kind === 'button');
const detailIs = (detail: string) => (m: ChatMoment) => m.detail === detail;

/** A commune reminded at the day's report call, then told the next morning it had missed the day. */
function remindedCommune(find: MomentFinder): Stretch | undefined {
  for (const chat of find.chatsOf('commune')) {
    const call = find.jobRuns(reportCallJob.name, chat.id)[0];
    const missed = call && find.jobRuns(missedReportJob.name, chat.id).find((s) => s.fromSeq > call.fromSeq);
    if (call && missed) return { chatId: chat.id, entries: [...call.entries, ...missed.entries] };
  }
  return undefined;
}

/** A coordinator told of a silent commune in the morning, who then reports the missed day for it. */
function standIn(find: MomentFinder): Stretch | undefined {
  const report = find.first('stand_in', 'coordinator');
  if (!report) return undefined;
  const firstSeq = report.entries[0]?.seq ?? 0;
  const escalation = find
    .jobRuns(missedReportJob.name, report.chatId)
    .filter((s) => (s.entries[0]?.seq ?? 0) < firstSeq)
    .at(-1);
  return { chatId: report.chatId, entries: [...(escalation?.entries ?? []), ...report.entries] };
}

/** What the first leadership group received on the evening shown (or the last one played). */
function evening(find: MomentFinder): Stretch | undefined {
  const group = find.chatsOf('group')[0];
  const runs = group ? find.jobRuns(dailySummaryJob.name, group.id) : [];
  return runs[Math.min(EVENING_SHOWN, runs.length) - 1];
}

/** Keeps only some entries of a stretch. */
function keep(stretch: Stretch | undefined, test: (e: ChatEntry, all: readonly ChatEntry[]) => boolean) {
  return (
    stretch && { chatId: stretch.chatId, entries: stretch.entries.filter((e) => test(e, stretch.entries)) }
  );
}

/** The first chart and the PDF: what a leader sees first each evening. */
const chartAndPdf = (e: ChatEntry, all: readonly ChatEntry[]) =>
  e.kind === 'document' || (e.kind === 'photo' && all.find((x) => x.kind === 'photo') === e);

/** The stretch each picture shows, or undefined when the run did not play it (too short a run). */
function stretches(find: MomentFinder): Record<GuideImageFile, Stretch | undefined> {
  const night = evening(find);
  return {
    'xa-1-tham-gia.png':
      find.first('join', 'commune', detailIs('wrong_code')) ?? find.first('join', 'commune'),
    'xa-2-bao-cao.png': find.first('report', 'commune', detailIs('line')) ?? find.first('report', 'commune'),
    'xa-3-tung-buoc.png': find.first('wizard', 'commune'),
    'xa-4-xac-nhan.png': find.first('typo', 'commune') ?? find.first('confirm', 'commune'),
    'xa-5-tep-mau.png':
      find.first('sample', 'commune', detailIs('too_large')) ??
      find.first('sample', 'commune', (m) => m.detail !== 'good'),
    'xa-6-nhac-viec.png': remindedCommune(find),
    'dieu-phoi-1-nhac-nho.png': find.first('broadcast', 'coordinator', withButton),
    'dieu-phoi-2-bao-cao-thay.png': standIn(find),
    'dieu-phoi-3-tien-do.png': find.first('progress', 'coordinator'),
    'dieu-phoi-4-tep-mau.png': find.first('samples', 'coordinator'),
    'lanh-dao-1-dang-ky.png': find.first('register_group', 'group'),
    'lanh-dao-2-buoi-toi.png': keep(night, chartAndPdf),
    'lanh-dao-3-tom-tat.png': keep(night, (e) => e.kind === 'text'),
    'lanh-dao-4-hoi-nhanh.png': find.first('progress', 'group'),
  };
}

/**
 * The guide pictures a run can show, and the file names it cannot (a run too short to play their
 * moment). Each picture is seen by the chat's person: in a private chat its only user, in a group the
 * first member who spoke in it (the leader who added the bot).
 */
export function guideShots(source: GuideSource): { shots: GuideShot[]; missing: GuideImageFile[] } {
  const find = new MomentFinder(source);
  const picked = stretches(find);
  const shots: GuideShot[] = [];
  const missing: GuideImageFile[] = [];
  for (const file of GUIDE_IMAGE_FILES) {
    const stretch = picked[file];
    const chat = stretch && source.chats.find((c) => c.id === stretch.chatId);
    if (!stretch || !chat || stretch.entries.length === 0) {
      missing.push(file);
      continue;
    }
    const me = source.entries.find((e) => e.chatId === chat.id && e.side === 'user')?.speaker ?? '';
    shots.push({ file, chat, me, entries: stretch.entries });
  }
  return { shots, missing };
}
