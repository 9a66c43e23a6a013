import { formatDate, formatDayMonth, formatNumber, formatPercent } from '../messages/vi-format.js';
import type { NudgeCheck } from './nudge-check.js';
import type { ReminderKind } from './reminder-kinds.js';
import type { DemoTally, ScenarioName } from './demo-tally.js';
import type { SampleDefect } from './sample-scan-builder.js';
import type { ChannelCount, OaCosts } from './channel-counts.js';
import { CHANNEL_NAMES } from './demo-channels.js';

/** What one leadership group received over the run. */
export interface GroupDeliveries {
  readonly title: string;
  /** Evenings on which it got its report (at least one chart and the PDF). */
  readonly evenings: number;
  readonly charts: number;
  readonly pdfs: number;
  /** Evenings on which something arrived twice (a correct run has none). */
  readonly doubled: number;
}

/** Everything the closing summary says. */
export interface DemoSummary {
  readonly campaignName: string;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly days: number;
  readonly communes: number;
  readonly seed: string;
  /** The campaign's plan definition (plan, pace, "còn N ngày"), printed once. */
  readonly planDefinition: readonly string[];
  readonly reports: { readonly onTime: number; readonly late: number; readonly communeDays: number };
  readonly tally: DemoTally;
  readonly maxKilobytes: number;
  readonly reminders: Readonly<Record<ReminderKind, number>>;
  readonly groups: readonly GroupDeliveries[];
  /** Each channel the run used: its people and messages (from the database); the OA's costs. */
  readonly channels: { readonly byChannel: readonly ChannelCount[]; readonly oa: OaCosts | undefined };
  readonly districts: readonly { readonly name: string; readonly completion: number }[];
  readonly provinceCompletion: number;
  readonly matched: { readonly ok: number; readonly total: number };
  readonly outDir: string;
  readonly outputs: readonly string[];
  readonly durationMs: number;
}

const REMINDER_LABELS: Readonly<Record<ReminderKind, string>> = {
  report_call: 'nhắc báo cáo buổi chiều',
  missed: 'thiếu báo cáo hôm trước (8:00)',
  countdown: 'đếm ngược hạn',
  escalation: 'báo cán bộ điều phối xã im lặng',
  broadcast: '/nhacnho của cán bộ điều phối',
};
const SCENARIO_LABELS: Readonly<Record<ScenarioName, string>> = {
  wrong_code: 'gõ sai mã mời',
  wizard: 'báo cáo từng bước',
  order_mistake: 'số đính kèm > số nhập (bị từ chối, gửi lại)',
  typo_held: 'gõ thừa số 0 (bot giữ lại hỏi)',
  correction_confirmed: 'sửa giảm số, bấm «Xác nhận»',
  past_date_by_coordinator: 'cán bộ điều phối báo cáo thay ngày hôm trước',
  coordinator_broadcast: 'lần /nhacnho được gửi',
  file_fixed: 'tệp bị từ chối đã sửa và gửi lại đạt',
  file_converted: 'tệp bị từ chối được bot chuyển đổi, trả lại tệp đạt',
};

function defectLabel(defect: Exclude<SampleDefect, 'good'>, maxKilobytes: number): string {
  return {
    too_large: `quá ${maxKilobytes} KB`,
    bad_name: 'sai tên tệp',
    not_pdf: 'không phải PDF',
    low_dpi: 'độ phân giải thấp',
  }[defect];
}

/** The first `/nhacnho cham` (day 5's morning) in full; later ones in one line. */
function nudgeLines(checks: readonly NudgeCheck[]): string[] {
  const [first, ...rest] = checks;
  if (!first) return [];
  const n = formatNumber;
  const plan = first.afterCutoff ? 'kế hoạch hết hôm nay' : 'kế hoạch hết hôm qua';
  const when = `${first.afterCutoff ? 'Chiều' : 'Sáng'} ${formatDayMonth(first.date)} lúc ${first.time}, /nhacnho cham`;
  let line: string;
  if (!first.ok)
    line = `${when}: KHÔNG KHỚP — tin đến ${n(first.reached)} xã, số xã chậm so với ${plan} là ${n(first.expected)} (xem điều bất thường)`;
  else if (first.reached === 0) line = `${when}: không xã nào chậm so với ${plan}, bot không gửi tin`;
  else {
    const reportedToday = first.expected - first.judgedOnYesterday;
    line =
      `${when}: ${n(first.reached)} xã, đúng bằng số xã chậm so với ${plan}` +
      (!first.afterCutoff && reportedToday > 0
        ? ` (${n(reportedToday)} xã đã báo cáo sáng nay: so với kế hoạch hết hôm nay)`
        : '') +
      (first.afterCutoff ? '' : `; nếu so với kế hoạch hết hôm nay sẽ là ${n(first.behindOnTodaysPlan)} xã`);
  }
  if (first.unreachable > 0)
    line += `; ${n(first.unreachable)} xã chậm chưa có cán bộ tham gia bot, không nhận được tin`;
  if (rest.length === 0) return [line];
  const failed = rest.filter((c) => !c.ok).length;
  return [
    line,
    `Các lần /nhacnho cham sau: ${rest.map((c) => `${formatDayMonth(c.date)} ${n(c.reached)} xã`).join(', ')} — ` +
      (failed === 0 ? 'đều đúng bằng số xã chậm' : `${n(failed)} lần không khớp (xem điều bất thường)`),
  ];
}

/** One line per channel when the run used more than Telegram; the Zalo leaders' evenings; the OA's costs. */
function channelLines(s: DemoSummary): string[] {
  const n = formatNumber;
  const { byChannel, oa } = s.channels;
  if (byChannel.length < 2) return [];
  const lines = [
    'Tin nhắn theo kênh:',
    ...byChannel.map(
      (c) =>
        `  ${CHANNEL_NAMES[c.channel].padEnd(11)} ${n(c.people).padStart(4)} người · người dùng gửi ${n(c.received)} tin · bot gửi ${n(c.sent)} tin`,
    ),
  ];
  const zalo = s.tally.zaloEvenings;
  const leaders = byChannel.find((c) => c.channel === 'zalo-bot') && zalo.evenings + zalo.charts > 0;
  if (leaders)
    lines.push(
      `Lãnh đạo trên Zalo: ${n(zalo.evenings)}/${n(s.days)} tối nhận báo cáo riêng (${n(zalo.charts)} ảnh biểu đồ, ${n(zalo.pdfs)} báo cáo PDF mở được bằng link)`,
    );
  if (oa)
    lines.push(
      `Zalo OA: ${n(oa.free)} tin miễn phí (trong 48 giờ), ${n(oa.billed)} tin tính phí, ${n(oa.refused)} tin Zalo không cho gửi; ` +
        `${n(oa.earlyCalls)} lần nhắc báo cáo gửi sớm hơn 16:00 cho còn trong 48 giờ; mã truy cập tự gia hạn ${n(oa.refreshes)} lần`,
    );
  return lines;
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} giây` : `${Math.floor(seconds / 60)} phút ${seconds % 60} giây`;
}

/** The one-screen summary printed at the end and saved as summary.txt. */
export function summaryText(s: DemoSummary): string {
  const n = formatNumber;
  const received = s.reports.onTime + s.reports.late;
  const { files, rejectedBy, scenarios, anomalies } = s.tally;
  const reminderTotal = Object.values(s.reminders).reduce((a, b) => a + b, 0);
  const nameWidth = Math.max(...s.districts.map((d) => d.name.length), 10);
  const lines = [
    `sohoa demo — ${s.campaignName}`,
    `${n(s.days)} ngày (${formatDate(s.firstDate)} – ${formatDate(s.lastDate)}), ${n(s.communes)} xã, hạt giống «${s.seed}», chạy ${duration(s.durationMs)}`,
    '',
    ...s.planDefinition,
    '',
    `Báo cáo nhận được: ${n(received)}/${n(s.reports.communeDays)} lượt xã-ngày — đúng giờ ${n(s.reports.onTime)}, muộn ${n(s.reports.late)}, thiếu ${n(s.reports.communeDays - received)}`,
    `Tệp mẫu đã kiểm tra: ${n(files.checked)} — đạt ${n(files.accepted + files.warnings)}, không đạt ${n(files.rejected)}: ` +
      (Object.entries(rejectedBy) as [Exclude<SampleDefect, 'good'>, number][])
        .map(([defect, count]) => `${defectLabel(defect, s.maxKilobytes)} ${n(count)}`)
        .join(' · '),
    `Tin nhắc đã gửi: ${n(reminderTotal)} — ` +
      (Object.entries(s.reminders) as [ReminderKind, number][])
        .map(([k, v]) => `${REMINDER_LABELS[k]} ${n(v)}`)
        .join(' · '),
    ...s.groups.map(
      (g) =>
        `Nhóm «${g.title}»: ${n(g.evenings)}/${n(s.days)} tối nhận báo cáo (${n(g.charts)} biểu đồ, ${n(g.pdfs)} PDF)` +
        (g.doubled > 0 ? `, ${n(g.doubled)} tối bị gửi trùng` : ', không tin nào gửi trùng'),
    ),
    ...channelLines(s),
    `Tình huống: ${(Object.entries(scenarios) as [ScenarioName, number][]).map(([k, v]) => `${SCENARIO_LABELS[k]} ${n(v)}`).join(' · ')}`,
    ...nudgeLines(s.tally.nudgeChecks),
    '',
    `Tỉ lệ đã đính kèm và rà soát, hết ngày ${formatDate(s.lastDate)}:`,
    ...s.districts.map((d) => `  ${d.name.padEnd(nameWidth)}  ${formatPercent(d.completion).padStart(7)}`),
    `  ${'Toàn tỉnh'.padEnd(nameWidth)}  ${formatPercent(s.provinceCompletion).padStart(7)}`,
    '',
    `Số liệu cuối cùng trong cơ sở dữ liệu khớp với báo cáo của xã: ${n(s.matched.ok)}/${n(s.matched.total)} xã` +
      (anomalies.length > 0 ? ` · ${n(anomalies.length)} điều bất thường (xem summary.txt)` : ''),
    `Kết quả trong ${s.outDir}/:`,
    ...s.outputs.map((o) => `  ${o}`),
  ];
  return `${lines.join('\n')}\n`;
}
