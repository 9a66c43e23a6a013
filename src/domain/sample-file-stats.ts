/** A unit's checked samples: passed ones (accepted, with or without warnings) and rejected ones. */
export interface SampleStats {
  readonly checked: number;
  /** Accepted outright or with warnings: what a commune may upload as it is. */
  readonly accepted: number;
  readonly rejected: number;
}

/** A problem sample as a coordinator's list shows it. */
export interface ProblemSample {
  readonly id: number;
  readonly unitName: string;
  readonly fileName: string;
  readonly verdict: 'warnings' | 'rejected';
  /** The first problem's sentence. */
  readonly firstProblem: string;
  readonly receivedAt: Date;
  /** Whether its bytes are still kept (a coordinator can ask for them). */
  readonly hasContent: boolean;
}
