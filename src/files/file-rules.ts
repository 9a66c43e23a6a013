import type { FileRules } from '../domain/file-rules.js';

export type { FileRules } from '../domain/file-rules.js';

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
  blankInkPercent: 0.1,
});
