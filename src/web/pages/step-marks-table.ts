import { PACE_LABELS } from '../../messages/unit-label-messages.js';
import { formatNumber, formatPercent } from '../../messages/vi-format.js';
import { webPageMessages as m } from '../../messages/web-page-messages.js';
import type { StepMark } from '../../services/web-dashboard.service.js';
import { html, type SafeHtml } from '../html.js';

/** A step's share with its plan mark: "52 % (KH 45 %)", coloured by pace. */
export function markCell(mark: StepMark | undefined): SafeHtml {
  if (!mark || mark.share === null) return html`<td class="num">${m.noRank}</td>`;
  return html`<td class="num pace-${mark.pace}" title="${PACE_LABELS[mark.pace]}">
    ${formatPercent(mark.share, 0)}<small>${m.planMark(mark.plan)}</small>
  </td>`;
}

/** The scope's (or commune's) steps against the plan. */
export function stepMarksTable(marks: readonly StepMark[]): SafeHtml {
  return html`<div class="table-wrap">
    <table class="steps">
      <thead>
        <tr>
          <th>${m.step}</th>
          <th class="num wide">${m.done}</th>
          <th class="num wide">${m.target}</th>
          <th class="num">${m.doneShare}</th>
          <th class="num">${m.planShare}</th>
          <th>${m.pace}</th>
        </tr>
      </thead>
      <tbody>
        ${marks.map(
          (s) =>
            html`<tr>
              <td>${s.title}</td>
              <td class="num wide">${formatNumber(s.done)}</td>
              <td class="num wide">${formatNumber(s.target)}</td>
              <td class="num">${s.share === null ? m.noRank : formatPercent(s.share, 1)}</td>
              <td class="num">${formatPercent(s.plan, 1)}</td>
              <td class="pace-${s.pace}">${PACE_LABELS[s.pace]}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
