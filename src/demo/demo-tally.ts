import type { VerdictStatus } from '../domain/file-verdict.js';
import type { ProblemCode } from '../domain/problem-codes.js';
import { formatDayMonth } from '../messages/vi-format.js';
import type { NudgeCheck } from './nudge-check.js';
import type { SampleDefect } from './sample-scan-builder.js';

/** Moments the demo plays, counted so the summary can say each happened. */
export type ScenarioName =
  | 'wrong_code'
  | 'wizard'
  | 'order_mistake'
  | 'typo_held'
  | 'correction_confirmed'
  | 'past_date_by_coordinator'
  | 'coordinator_broadcast'
  | 'file_fixed'
  | 'file_converted';

/** What the simulated people saw happen, as they counted it. */
export class DemoTally {
  readonly files = { checked: 0, accepted: 0, warnings: 0, rejected: 0 };
  /** Rejected files by what was wrong with them (as the commune made them). */
  readonly rejectedBy: Record<Exclude<SampleDefect, 'good'>, number> = {
    too_large: 0,
    bad_name: 0,
    not_pdf: 0,
    low_dpi: 0,
  };
  readonly scenarios: Record<ScenarioName, number> = {
    wrong_code: 0,
    wizard: 0,
    order_mistake: 0,
    typo_held: 0,
    correction_confirmed: 0,
    past_date_by_coordinator: 0,
    coordinator_broadcast: 0,
    file_fixed: 0,
    file_converted: 0,
  };
  /** The problem codes the service stored on each refused file, by what the commune got wrong. */
  readonly refusalCodes: Record<Exclude<SampleDefect, 'good'>, ProblemCode[][]> = {
    too_large: [],
    bad_name: [],
    not_pdf: [],
    low_dpi: [],
  };
  /** Anything the bot did that a user did not expect; a correct run has none. */
  readonly anomalies: string[] = [];
  /** Each `/nhacnho cham`: whom it reached against the communes behind the plan, read from the data. */
  readonly nudgeChecks: NudgeCheck[] = [];
  /** What the leaders on Zalo found each evening: the charts, and the PDFs that opened by their links. */
  readonly zaloEvenings = { evenings: 0, charts: 0, pdfs: 0 };

  /** The verdict the service stored on a file a commune sent (undefined: none was stored). */
  file(defect: SampleDefect, status: VerdictStatus | undefined, problems: readonly ProblemCode[]): void {
    this.files.checked++;
    if (status) this.files[status]++;
    if (status === 'rejected' && defect !== 'good') {
      this.rejectedBy[defect]++;
      this.refusalCodes[defect].push([...problems]);
    }
  }

  /** An evening a Zalo leader looked at: complete when at least one chart came and the PDF opened. */
  zaloEvening(charts: number, pdfs: number): void {
    if (charts > 0 && pdfs > 0) this.zaloEvenings.evenings++;
    this.zaloEvenings.charts += charts;
    this.zaloEvenings.pdfs += pdfs;
  }

  /** One more of a scripted moment. */
  count(name: ScenarioName): void {
    this.scenarios[name]++;
  }

  /** Records a `/nhacnho cham` check; one that reached other communes than those behind is an anomaly. */
  nudge(check: NudgeCheck): void {
    this.nudgeChecks.push(check);
    if (check.ok) return;
    const names = (list: readonly string[]) => (list.length > 0 ? list.join(', ') : 'không');
    this.anomaly(
      `/nhacnho cham ${formatDayMonth(check.date)} lúc ${check.time}: tin đến ${check.reached} xã, xã chậm so với kế hoạch là ${check.expected} ` +
        `(thừa: ${names(check.extra)}; thiếu: ${names(check.missed)})`,
    );
  }

  /** Notes something unexpected. */
  anomaly(text: string): void {
    this.anomalies.push(text);
  }
}
