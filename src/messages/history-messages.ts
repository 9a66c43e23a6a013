import type { CampaignFile } from '../domain/campaign-file.js';
import type { Figures } from '../domain/progress.js';
import type { Role } from '../domain/role.js';
import { botMessages } from './common-messages.js';
import { TIMING_LABELS } from './unit-label-messages.js';
import { formatDate, formatNumber, formatTimeDayMonth } from './vi-format.js';

/** What /lichsu reads of the service's history (structural: messages never import services). */
interface History {
  readonly unitName: string;
  readonly days: readonly {
    readonly date: string;
    readonly figures: Figures | null;
    readonly late: boolean;
    readonly revisions: readonly {
      readonly at: Date;
      readonly by: string | null;
      readonly role: Role | null;
      readonly figures: Figures;
      readonly carriedOver?: boolean;
    }[];
  }[];
}

function figuresLine(metrics: CampaignFile['metrics'], figures: Figures): string {
  return metrics.map((m) => `${m.short.toLowerCase()} ${formatNumber(figures[m.code])}`).join(' · ');
}

function whoSent(by: string | null, role: Role | null, carriedOver = false): string {
  if (carriedOver) return 'chuyển tiếp từ các đơn vị cũ khi sắp xếp đơn vị hành chính';
  const name = by || 'không rõ người gửi';
  return role && role !== 'reporter' ? `${name} (${botMessages.roleName(role)})` : name;
}

/** `/lichsu`: a commune's last days, newest first, each with who sent it and every correction. */
export function formatReportHistory(
  history: History,
  metrics: CampaignFile['metrics'],
  timeZone: string,
): string {
  if (history.days.length === 0) return `${history.unitName} chưa có ngày báo cáo nào trong chiến dịch.`;
  const lines = [`Số liệu của ${history.unitName} ${history.days.length} ngày gần nhất (cộng dồn):`];
  for (const day of history.days) {
    const head = formatDate(day.date);
    if (!day.figures) {
      lines.push('', `${head}: chưa báo cáo`);
      continue;
    }
    lines.push(
      '',
      `${head}${day.late ? ` (${TIMING_LABELS.late.toLowerCase()})` : ''}: ${figuresLine(metrics, day.figures)}`,
    );
    const [first, ...corrections] = day.revisions;
    if (first)
      lines.push(
        `  Gửi lúc ${formatTimeDayMonth(first.at, timeZone)}, ${whoSent(first.by, first.role, first.carriedOver)}`,
      );
    for (const fix of corrections) {
      lines.push(
        `  Sửa lúc ${formatTimeDayMonth(fix.at, timeZone)}, ${whoSent(fix.by, fix.role)}: ${figuresLine(metrics, fix.figures)}`,
      );
    }
  }
  return lines.join('\n');
}
