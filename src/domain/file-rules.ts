/** The campaign's rules for one sample file: what the inspector checks a file against. */
export interface FileRules {
  /** Largest accepted file, in bytes (102,400 = what a file manager shows as 100 KB). */
  readonly maxBytes: number;
  /** Known event-type codes and their Vietnamese names, e.g. KS → "Khai sinh". */
  readonly typeCodes: Readonly<Record<string, string>>;
  /** Lowest accepted effective scan resolution, in dots per inch. */
  readonly minDpi: number;
  /** Oldest registration year accepted in a file name. */
  readonly minYear: number;
  /**
   * A scan is blank when less than this percent of its drawn area differs from the paper's colour
   * (default 0.1; see the inspector section of the README).
   */
  readonly blankInkPercent?: number;
}
