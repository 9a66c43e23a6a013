import type { TypedDate } from '../domain/typed-date.js';
import { DATE_REFUSAL_REASON, allowedDateRange } from './report-messages.js';
import { formatDate } from './vi-format.js';

/** Why a dated command (`/baocaongay 12/03`, `/bieudo`, `/xuatexcel`) cannot show that day. */
export function requestedDayRefused(result: Exclude<TypedDate, { kind: 'date' }>, command: string): string {
  if (result.kind === 'invalid') {
    return `Ngày không hợp lệ. Ghi ngày dạng 12/03 hoặc 12/03/2025, ví dụ /${command} 12/03 (không ghi ngày: hôm nay).`;
  }
  return `Ngày ${formatDate(result.date)} ${DATE_REFUSAL_REASON[result.kind]}: ${allowedDateRange(result)}.`;
}
