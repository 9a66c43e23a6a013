import type {
  GroupMovedNotice,
  MemberMovedNotice,
  ReorgProblem,
  ReorgSummary,
  ReorgWording,
  UnitLabel,
} from '../domain/unit-mapping.js';
import { formatDate, formatNumber } from './vi-format.js';

// Every word of a reorganisation (`sohoa campaign load … --mapping … --from …`): the mapping file's
// errors, why a load is refused, what the operator is told it did, and what moved members and groups read.

const unit = (u: UnitLabel) => `${u.name} (mã ${u.code})`;

/** The mapping file's own form (zod messages and line errors). */
export const reorgFileMessages = {
  unitCode: 'phải là mã đơn vị hành chính gồm 2–5 chữ số',
  share: 'phải là tỉ lệ lớn hơn 0 và không quá 1, ví dụ 0.4 (để trống nếu nhập toàn bộ)',
  duplicatePair: (oldCode: string, newCode: string, line: number) =>
    `cặp ${oldCode} → ${newCode} đã có ở dòng ${line}`,
  empty: (file: string) => `${file}: tệp đối chiếu không có dòng nào (cần old_code,new_code[,share]).`,
};

/** One reason a mapping cannot be applied, one line. */
export function describeReorgProblem(problem: ReorgProblem): string {
  switch (problem.kind) {
    case 'unknown_old':
      return `Dòng ${problem.line}: mã cũ ${problem.code} không phải đơn vị đang hoạt động của chiến dịch.`;
    case 'unknown_new':
      return `Dòng ${problem.line}: mã mới ${problem.code} không có trong units.csv của thư mục mới.`;
    case 'split_without_shares':
      return (
        `${unit(problem.unit)} được nhập một phần vào ${problem.newCodes.join(', ')} nhưng thiếu tỉ lệ ` +
        '(cột share) ở từng dòng: không thể chia số liệu của đơn vị này.'
      );
    case 'shares_sum':
      return `${unit(problem.unit)}: tổng tỉ lệ là ${formatNumber(problem.sum, 3).replace(/,?0+$/, '')}, phải bằng 1.`;
    case 'commune_into_other_level':
      return `${unit(problem.unit)} là xã nên chỉ nhập vào một xã mới, không vào ${unit(problem.newUnit)}.`;
    case 'unmapped_in_use': {
      const uses = [
        problem.activeMembers > 0 ? `${problem.activeMembers} thành viên` : null,
        problem.reports > 0 ? `${problem.reports} báo cáo` : null,
        problem.groups > 0 ? `${problem.groups} nhóm` : null,
      ].filter((u) => u !== null);
      return `${unit(problem.unit)} không có trong thư mục mới và chưa có trong tệp đối chiếu, nhưng còn ${uses.join(', ')}.`;
    }
    case 'code_taken_unmapped':
      return (
        `Mã ${problem.unit.code} (${problem.unit.name}) được đơn vị mới dùng lại và nhận đơn vị khác nhập vào, ` +
        `nhưng đơn vị cũ mã ${problem.unit.code} chưa có trong tệp đối chiếu (thêm dòng ${problem.unit.code},${problem.unit.code}).`
      );
  }
}

/** Why a load with a mapping was refused before looking at the mapping's lines. */
export const reorgRefusalMessages = {
  noCampaign: (code: string) =>
    `Chưa có chiến dịch mã ${code} trong cơ sở dữ liệu: hãy nạp thư mục cũ trước (sohoa campaign load <thư mục>).`,
  notAfterStart: (from: string, start: string) =>
    `Ngày hiệu lực ${formatDate(from)} phải sau ngày bắt đầu chiến dịch (${formatDate(start)}).`,
  afterEnd: (from: string, end: string) =>
    `Ngày hiệu lực ${formatDate(from)} nằm sau ngày kết thúc chiến dịch (${formatDate(end)}).`,
  inFuture: (from: string, today: string) =>
    `Ngày hiệu lực ${formatDate(from)} chưa đến (hôm nay ${formatDate(today)}): số liệu chuyển tiếp là số liệu ` +
    'cuối cùng của các đơn vị cũ, nên chỉ nạp từ ngày hiệu lực trở đi.',
  reportsFromChange: (from: string, units: readonly (UnitLabel & { last: string })[]) =>
    `Các đơn vị cũ sau đã có báo cáo từ ngày ${formatDate(from)} trở đi: ` +
    units.map((u) => `${unit(u)} ngày ${formatDate(u.last)}`).join('; ') +
    '. Chọn ngày hiệu lực (--from) sau ngày báo cáo cuối cùng của các đơn vị này.',
  otherMapping: (from: string) =>
    `Đã nạp một lần sắp xếp lại từ ngày ${formatDate(from)} với tệp đối chiếu khác; không thể nạp lại bằng tệp này.`,
  problems: (count: number) => `Không thể sắp xếp lại đơn vị — ${count} lỗi trong tệp đối chiếu:`,
};

/** What a member whose unit was retired reads in their private chat. */
export function memberMovedText(input: MemberMovedNotice): string {
  const duty =
    input.role === 'reporter'
      ? `Từ nay anh/chị báo cáo số liệu của ${input.newUnit.name}; số liệu cuối cùng của đơn vị cũ đã được cộng chuyển sang.`
      : `Từ nay anh/chị theo dõi ${input.newUnit.name}.`;
  return (
    `📢 Sắp xếp đơn vị hành chính từ ngày ${formatDate(input.from)} (chiến dịch ${input.campaignName}): ` +
    `${unit(input.oldUnit)} nay thuộc ${unit(input.newUnit)}. ${duty} ` +
    'Các báo cáo trước đây của đơn vị cũ vẫn được giữ nguyên.'
  );
}

/** What a registered group whose scope was retired reads. */
export function groupMovedText(input: GroupMovedNotice): string {
  return (
    `📢 Sắp xếp đơn vị hành chính từ ngày ${formatDate(input.from)}: nhóm này nay nhận báo cáo của ` +
    `${unit(input.newUnit)} (thay cho ${unit(input.oldUnit)}). Báo cáo các ngày trước vẫn theo đơn vị cũ.`
  );
}

/** What `sohoa campaign load … --mapping` prints once the change is applied. */
export const reorgCliMessages = {
  applied: (r: ReorgSummary) =>
    `Đã sắp xếp lại đơn vị từ ngày ${formatDate(r.from)}: ${r.retired} đơn vị cũ thôi hoạt động từ ngày trước đó, ` +
    `${r.added} đơn vị mới, ${r.continuing} đơn vị giữ nguyên.\n` +
    `  - ${r.carried} đơn vị mới nhận số liệu chuyển tiếp (${formatNumber(r.carriedCases)} hồ sơ đính kèm).\n` +
    `  - ${r.movedMembers} thành viên và ${r.movedGroups} nhóm chuyển sang đơn vị mới (đã báo cho từng người, từng nhóm).\n` +
    `  - ${r.revokedInvites} mã mời của đơn vị cũ bị thu hồi.\n`,
  alreadyApplied: (from: string) =>
    `Sắp xếp lại từ ngày ${formatDate(from)} đã được nạp trước đó với cùng tệp đối chiếu.\n`,
};

/** The notices' words, for the service that enqueues them. */
export const reorgWording: ReorgWording = { member: memberMovedText, group: groupMovedText };
