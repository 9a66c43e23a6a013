import type { MetricCode } from './campaign-file.js';
import type { UnitLevel } from './unit.js';

/**
 * The office a reminder is sent on behalf of, as data: the unit of the coordinator who sends it (a
 * province → its Department of Justice, a district → its Office of Justice), or the province for the
 * scheduled reminders. The messages layer words it ("Sở Tư pháp tỉnh …", "Phòng Tư pháp huyện …").
 */
export interface SigningOffice {
  readonly level: UnitLevel;
  readonly unitName: string;
}

/** The province's office, which signs the scheduled reminders (no person sends them). */
export function provinceOffice(settings: { readonly province: { readonly name: string } }): SigningOffice {
  return { level: 'province', unitName: settings.province.name };
}

/** One commune silent for several days, as listed to the coordinators of the nearest unit above it that has any. */
export interface SilentUnit {
  readonly name: string;
  readonly code: string;
  readonly silentDays: number;
  /** Its last report's date (YYYY-MM-DD), null when it never reported. */
  readonly lastDate: string | null;
}

/** One milestone a commune is still short of, with its own figures. */
export interface CountdownLine {
  readonly title: string;
  readonly metric: MetricCode;
  readonly metricLabel: string;
  readonly deadline: string;
  /** Reporting days left, by the domain's one definition (plan.ts reportingDaysLeft). */
  readonly daysLeft: number;
  /** The deadline is the reminder's own day. */
  readonly dueToday: boolean;
  readonly done: number;
  readonly target: number;
  /** ceil(gap / daysLeft); null when no reporting day is left. */
  readonly neededPerDay: number | null;
}

/** What a scheduled reminder says, as data: the messages layer words it for each channel. */
export type ReminderNotice =
  | {
      readonly kind: 'report_call';
      readonly unitName: string;
      readonly date: string;
      readonly cutoff: string;
    }
  | {
      readonly kind: 'missed_yesterday';
      readonly unitName: string;
      readonly yesterday: string;
      readonly silentDays: number;
      readonly cutoff: string;
    }
  | {
      readonly kind: 'escalation';
      /** The unit whose coordinators hear of it: a district, a cluster, or the province. */
      readonly scopeName: string;
      readonly yesterday: string;
      readonly units: readonly SilentUnit[];
    }
  | { readonly kind: 'countdown'; readonly unitName: string; readonly lines: readonly CountdownLine[] };
