/** One commune silent for several days, as listed to its district's coordinators. */
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
  readonly metricLabel: string;
  readonly deadline: string;
  readonly daysLeft: number;
  readonly done: number;
  readonly target: number;
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
      readonly districtName: string;
      readonly yesterday: string;
      readonly units: readonly SilentUnit[];
    }
  | { readonly kind: 'countdown'; readonly unitName: string; readonly lines: readonly CountdownLine[] };
