import type { Campaign } from '../../domain/campaign.js';
import type { UnitRow } from '../../db/unit.table.js';
import { TIMING_LABELS } from '../../messages/unit-label-messages.js';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../messages/vi-format.js';
import { webPageMessages as m } from '../../messages/web-page-messages.js';
import type { CommunePage } from '../../services/web-dashboard.service.js';
import { html, type SafeHtml } from '../html.js';
import { pageLayout } from '../page-layout.js';
import { breadcrumb, datePicker } from './scope-page.js';
import { stepMarksTable } from './step-marks-table.js';

/** What the commune page knows of the viewer and the day. */
export interface CommuneView {
  readonly campaign: Campaign;
  readonly page: CommunePage;
  readonly date: string;
  readonly today: string;
  readonly trail: readonly UnitRow[];
  /** The upload page, for the commune's own officer. */
  readonly uploadHref: string | undefined;
}

function figureHeaders(campaign: Campaign): SafeHtml {
  return html`${campaign.settings.metrics.map((x) => html`<th class="num">${x.short}</th>`)}`;
}

function figureCells(campaign: Campaign, row: Record<string, unknown>): SafeHtml {
  return html`${campaign.settings.metrics.map((x) => html`<td class="num">${formatNumber(Number(row[x.code] ?? 0))}</td>`)}`;
}

function parentRanking(view: CommuneView): SafeHtml {
  const ranking = view.page.parentRanking;
  if (!ranking) return html``;
  const own = view.page.commune.id;
  return html`<section>
    <h2>${m.parentRankingHeading(ranking.scope.name)}</h2>
    <div class="table-wrap">
      <table class="ranking">
        <thead>
          <tr>
            <th class="num">${m.rank}</th>
            <th>${m.commune}</th>
            <th class="num">${m.attached}</th>
            <th>${m.today}</th>
          </tr>
        </thead>
        <tbody>
          ${ranking.standings.map(
            (s) =>
              html`<tr${s.unitId === own ? html` class="own"` : ''}><td class="num">${s.rank ?? m.noRank}</td><td>${s.name}</td><td class="num">${s.completion === null ? m.noRank : formatPercent(s.completion, 1)}</td><td class="timing-${s.timing}">${TIMING_LABELS[s.timing]}</td></tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}

/** A section of the commune page: a heading, then its rows as a table, or a line saying there are none. */
function listSection<T>(
  heading: string,
  empty: string,
  rows: readonly T[],
  headers: SafeHtml,
  cells: (row: T) => SafeHtml,
): SafeHtml {
  return html`<section>
    <h2>${heading}</h2>
    ${
      rows.length === 0
        ? html`<p>${empty}</p>`
        : html`<div class="table-wrap">
            <table>
              <thead>
                <tr>
                  ${headers}
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (row) =>
                    html`<tr>
                      ${cells(row)}
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
  </section>`;
}

/** A commune's page: its place, steps, daily figures, revisions, sample verdicts and reminders. */
export function renderCommunePage(view: CommuneView): string {
  const { page, campaign, date } = view;
  const tz = campaign.settings.timeZone;
  const ranking = page.parentRanking;
  const body = html`${breadcrumb(view.trail, date)}
    <h1>${page.commune.name}</h1>
    <p class="subtitle">${campaign.settings.name} · ${m.asOf(date)}</p>
    ${datePicker(campaign, date, view.today)}
    ${view.uploadHref ? html`<p><a class="button" href="${view.uploadHref}">${m.uploadLink}</a></p>` : ''}
    ${ranking ? html`<p class="summary">${m.placeInParent(page.standing?.rank ?? null, ranking.standings.filter((s) => s.rank !== null).length, ranking.scope.name)}${page.standing ? html` ${m.today}: ${TIMING_LABELS[page.standing.timing]}.` : ''}</p>` : ''}
    <section>
      <h2>${m.stepsHeading}</h2>
      ${stepMarksTable(page.marks)}
    </section>
    ${listSection(
      m.daysHeading,
      m.noDays,
      page.days,
      html`<th>${m.reportDate}</th>
        ${figureHeaders(campaign)}
        <th>${m.status}</th>`,
      (d) =>
        html`<td>${formatDate(d.report_date)}</td>
          ${figureCells(campaign, d as unknown as Record<string, unknown>)}
          <td>${d.late ? m.late : m.onTime}</td>`,
    )}
    ${listSection(
      m.revisionsHeading,
      m.noRevisions,
      page.revisions,
      html`<th>${m.reportDate}</th>
        <th>${m.sentAt}</th>
        <th>${m.sentBy}</th>
        <th>${m.fromMessage}</th>
        ${figureHeaders(campaign)}
        <th>${m.status}</th>`,
      (r) =>
        html`<td>${formatDate(r.report_date)}</td>
          <td>${formatDateTime(r.submitted_at, tz)}</td>
          <td>${r.member_name ?? m.unknownSender}</td>
          <td>${m.messageRef(r.source_inbox_id)}</td>
          ${figureCells(campaign, r as unknown as Record<string, unknown>)}
          <td>${m.revisionStatus[r.status]}${r.late ? html` (${m.late})` : ''}</td>`,
    )}
    ${listSection(
      m.samplesHeading,
      m.noSamples,
      page.samples,
      html`<th>${m.fileName}</th>
        <th>${m.sentAt}</th>
        <th>${m.verdict}</th>
        <th class="num">${m.problems}</th>`,
      (f) =>
        html`<td class="file">${f.file_name}</td>
          <td>${formatDateTime(f.received_at, tz)}</td>
          <td class="verdict-${f.verdict}">${m.verdicts[f.verdict]}</td>
          <td class="num">${f.problem_count}</td>`,
    )}
    ${listSection(
      m.remindersHeading,
      m.noReminders,
      page.reminders,
      html`<th>${m.at}</th>
        <th>${m.kind}</th>
        <th>${m.status}</th>`,
      (r) =>
        html`<td>${formatDateTime(r.sent_at ?? r.created_at, tz)}</td>
          <td>${m.reminderKind(r.dedupe_key)}</td>
          <td>${m.delivery[r.status]}</td>`,
    )}
    ${parentRanking(view)}`;
  return pageLayout(`${page.commune.name} — ${formatDate(date)}`, body);
}
