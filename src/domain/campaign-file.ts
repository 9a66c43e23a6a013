import type { ConvertSteps } from './convert-steps.js';
import type { LevelDefinition } from './unit.js';

/** The four pipeline figures every campaign reports, in pipeline order. */
export const METRIC_CODES = ['books', 'scanned', 'entered', 'attached'] as const;
/** One of the four pipeline figures. */
export type MetricCode = (typeof METRIC_CODES)[number];

/** How a figure is named in reports and recognised in chat. */
export interface MetricSettings {
  readonly code: MetricCode;
  readonly label: string;
  readonly short: string;
  readonly aliases: readonly string[];
}

/** One step of the campaign and the date it must be done by. */
export interface MilestoneSettings {
  readonly code: string;
  readonly title: string;
  readonly metric: MetricCode;
  /** YYYY-MM-DD, local. */
  readonly deadline: string;
}

/** What a sample file must be, and how long it is kept. */
export interface FileSettings {
  readonly maxBytes: number;
  readonly minDpi: number;
  readonly minYear: number;
  /** Percent of a scan's area that must differ from the paper for it not to be blank (default 0.1). */
  readonly blankInkPercent?: number;
  readonly nameRule: string;
  readonly typeCodes: Readonly<Record<string, string>>;
  readonly retentionDays: number;
  /** How many accepted samples per commune keep their bytes (good examples); rejected ones always do. */
  readonly keepAcceptedPerUnit: number;
  /** The converter's clean-up steps (photos and oversized scans → compliant PDFs); absent = all on. */
  readonly convert?: ConvertSteps;
}

/** When the scheduled reminders go out (local HH:MM) and how patient they are. */
export interface ReminderSettings {
  readonly reportCall: string;
  readonly missedMorning: string;
  readonly countdownDays: readonly number[];
  readonly countdownTime: string;
  readonly escalateAfterDays: number;
  readonly graceMinutes: number;
  /** Per-job grace window (job name → minutes), overriding `graceMinutes`. */
  readonly jobGraceMinutes: Readonly<Record<string, number>>;
}

/** The sender's flood limits and patience. */
export interface DeliverySettings {
  readonly globalPerSecond: number;
  readonly perChatPerSecond: number;
  readonly perChatBurst: number;
  readonly perGroupPerMinute: number;
  readonly maxAttempts: number;
  /** How long a claimed message is reserved for one sender before another instance may retry it. */
  readonly leaseSeconds: number;
}

/** How long personal chat content is kept (DESIGN §6). */
export interface RetentionSettings {
  /** Days after receipt after which message texts, names and file names are redacted from inbox and outbox. */
  readonly chatDays: number;
}

/** Share of the expected pace below which a unit is behind / far behind. */
export interface PaceSettings {
  readonly behindRatio: number;
  readonly farBehindRatio: number;
}

/** How the plan spreads each step's work: every calendar day ('linear') or Monday–Friday only. */
export interface PlanSettings {
  readonly curve: 'linear' | 'working-days';
}

/**
 * A campaign's settings as its `campaign.json` declares them, defaults filled in. The domain owns the
 * shape; src/config's zod schema is checked at compile time to produce exactly this.
 */
export interface CampaignFile {
  readonly code: string;
  readonly name: string;
  readonly province: { readonly code: string; readonly name: string };
  /** The tree's levels, province first and commune last; absent in a folder = province → district → commune. */
  readonly levels: readonly LevelDefinition[];
  /** Every commune must carry a target: a scaffolded folder is not loaded until the province filled them. */
  readonly requireTargets: boolean;
  readonly timeZone: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly reportCutoff: string;
  readonly summaryTime: string;
  readonly metrics: readonly MetricSettings[];
  readonly milestones: readonly MilestoneSettings[];
  readonly files: FileSettings;
  readonly reminders: ReminderSettings;
  readonly pace: PaceSettings;
  readonly plan: PlanSettings;
  readonly inviteValidDays: number;
  /** Wrong invite codes per campaign per hour; past it every code is refused until the next hour. */
  readonly inviteGuessesPerHour: number;
  /** Days a personal web link (`/web`), and the session it opens, stay valid. */
  readonly webLinkValidDays: number;
  readonly retention: RetentionSettings;
  readonly delivery: DeliverySettings;
}
