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
}

/** The defaults DESIGN.md §4 names; a campaign may override each. */
export const DEFAULT_FILE_RULES: FileRules = Object.freeze({
  maxBytes: 102_400,
  typeCodes: Object.freeze({
    KS: 'Khai sinh',
    KT: 'Khai tử',
    KH: 'Kết hôn',
    CMC: 'Nhận cha, mẹ, con',
    GH: 'Giám hộ',
    TDHT: 'Thay đổi, cải chính, bổ sung hộ tịch',
    XNHN: 'Xác nhận tình trạng hôn nhân',
    LH: 'Ly hôn, hủy việc kết hôn',
    NCN: 'Nuôi con nuôi',
  }),
  minDpi: 100,
  minYear: 1900,
});
