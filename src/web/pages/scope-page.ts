import type { Campaign } from '../../domain/campaign.js';
import type { UnitRow } from '../../db/unit.table.js';
import { TIMING_LABELS } from '../../messages/unit-label-messages.js';
import { formatDate, formatPercent } from '../../messages/vi-format.js';
import { webPageMessages as m } from '../../messages/web-page-messages.js';
import type { ScopePage } from '../../services/web-dashboard.service.js';
import { html, type SafeHtml } from '../html.js';
import { pageLayout } from '../page-layout.js';
import { markCell, stepMarksTable } from './step-marks-table.js';

/** A chart of more communes than twice this shows the best and the last this many (the table has all). */
const CHART_ENDS = 30;

/** What the scope page knows of the viewer and the day. */
export interface ScopeView {
  readonly campaign: Campaign;
  readonly page: ScopePage;
  readonly date: string;
  readonly today: string;
  /** From the viewer's own unit down to this one (the breadcrumb). */
  readonly trail: readonly UnitRow[];
  /** The form for the one-click reminder, for a coordinator on their own unit's page of today. */
  readonly remindCsrf: string | undefined;
}

/** The date picker: a plain GET form, so it works without JavaScript. */
export function datePicker(campaign: Campaign, date: string, today: string): SafeHtml {
  const max = today < campaign.settings.endDate ? today : campaign.settings.endDate;
  return html`<form class="date-form" method="get">
    <label
      >${m.dateLabel}
      <input type="date" name="ngay" value="${date}" min="${campaign.settings.startDate}" max="${max}"
    /></label>
    <button type="submit">${m.show}</button>
  </form>`;
}

/** Links up the tree within the viewer's scope. */
export function breadcrumb(trail: readonly UnitRow[], date: string): SafeHtml {
  return html`<nav class="trail">
    ${trail.map((u, i) => html`${i > 0 ? ' › ' : ''}<a href="${unitHref(u, date)}">${u.name}</a>`)}
  </nav>`;
}

/** Where a unit's page is: communes have their own page, other units the scope page. */
export function unitHref(unit: UnitRow, date: string): string {
  return `${unit.level === 'commune' ? '/x' : '/d'}/${unit.id}?ngay=${date}`;
}

/** A step's column header: the metric's short name (a column per step must fit a phone), the title on hover. */
export function stepHeader(campaign: Campaign, step: { title: string; metric: string }): SafeHtml {
  const short = campaign.settings.metrics.find((x) => x.code === step.metric)?.short ?? step.title;
  return html`<th class="num" title="${step.title}">${short}</th>`;
}

function childrenTable(view: ScopeView): SafeHtml {
  const { page, date } = view;
  if (page.children.length === 0) return html``;
  const steps = view.campaign.settings.milestones;
  return html`<section>
    <h2>${m.childrenHeading}</h2>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>${m.unit}</th>
            <th class="num">${m.communes}</th>
            <th class="num">${m.missingCount}</th>
            ${steps.map((s) => stepHeader(view.campaign, s))}
          </tr>
        </thead>
        <tbody>
          ${page.children.map(
            (c) =>
              html`<tr>
                <td><a href="${unitHref(c.unit, date)}">${c.unit.name}</a></td>
                <td class="num">${c.communes}</td>
                <td class="num">${c.missing}</td>
                ${c.marks.map(markCell)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}

function rankingTable(view: ScopeView): SafeHtml {
  const { page, date } = view;
  const steps = view.campaign.settings.milestones;
  const showParent = page.children.length > 0;
  return html`<section>
    <h2>${m.rankingHeading}</h2>
    <div class="table-wrap">
      <table class="ranking">
        <thead>
          <tr>
            <th class="num">${m.rank}</th>
            <th>${m.commune}</th>
            ${showParent ? html`<th>${m.parent}</th>` : ''}${steps.map((s) => stepHeader(view.campaign, s))}
            <th>${m.today}</th>
          </tr>
        </thead>
        <tbody>
          ${page.progress.standings.map(
            (s) =>
              html`<tr>
                <td class="num">${s.rank ?? m.noRank}</td>
                <td><a href="/x/${s.unitId}?ngay=${date}">${s.name}</a></td>
                ${showParent ? html`<td>${s.parentName ?? ''}</td>` : ''}${(page.communeMarks.get(s.unitId) ?? []).map(markCell)}
                <td class="timing-${s.timing}">${TIMING_LABELS[s.timing]}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}

function missingSection(view: ScopeView): SafeHtml {
  if (view.date !== view.today) return html``;
  const missing = view.page.progress.standings.filter((s) => s.timing === 'missing');
  const button = view.remindCsrf
    ? html`<form method="post" action="/nhac">
        <input type="hidden" name="_csrf" value="${view.remindCsrf}" /><button type="submit" class="button">
          ${m.remindButton}
        </button>
      </form>`
    : '';
  return html`<section id="chua-bao-cao">
    <h2>${m.missingHeading} (${missing.length})</h2>
    ${
      missing.length === 0
        ? html`<p>${m.noneMissing}</p>`
        : html`<ul class="missing">
              ${missing.map((s) => html`<li><a href="/x/${s.unitId}?ngay=${view.date}">${s.name}</a>${s.parentName ? html` <small>${s.parentName}</small>` : ''}</li>`)}
            </ul>
            ${button}`
    }
  </section>`;
}

/** The scope page: totals, steps against plan, children, ranking, chart, missing list, downloads. */
export function renderScopePage(view: ScopeView): string {
  const { page, date, campaign } = view;
  const p = page.progress;
  const scopeId = p.scope.id;
  const body = html`${breadcrumb(view.trail, date)}
    <h1>${p.scope.name}</h1>
    <p class="subtitle">${campaign.settings.name} · ${m.asOf(date)}</p>
    ${datePicker(campaign, date, view.today)}
    <p class="summary">
      ${m.reported(p.onTime, p.late, p.missing, p.standings.length)} ${m.attached}:
      ${formatPercent(p.totals.targetCases > 0 ? p.totals.attached / p.totals.targetCases : 0, 1)}.
    </p>
    <section>
      <h2>${m.stepsHeading}</h2>
      ${stepMarksTable(page.marks)}
    </section>
    ${childrenTable(view)}
    <section class="chart-box">
      <h2>${m.chartHeading}</h2>
      <p class="chart-note" hidden>${m.chartEnds(CHART_ENDS)}</p>
      <div class="chart-wrap">
        <canvas
          id="ranking-chart"
          data-source="/d/${scopeId}/du-lieu.json?ngay=${date}"
          data-label-done="${m.chartDone}"
          data-label-plan="${m.chartPlan}"
          data-ends="${CHART_ENDS}"
        ></canvas>
      </div>
    </section>
    ${missingSection(view)} ${rankingTable(view)}
    <section>
      <h2>${m.downloadsHeading}</h2>
      <p class="downloads">
        <a class="button" href="/d/${scopeId}/pdf?ngay=${date}">${m.downloadPdf}</a>
        <a class="button" href="/d/${scopeId}/excel?ngay=${date}">${m.downloadExcel}</a>
      </p>
    </section>`;
  return pageLayout(`${p.scope.name} — ${formatDate(date)}`, body);
}
