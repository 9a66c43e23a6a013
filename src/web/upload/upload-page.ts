import type { SampleStats } from '../../domain/sample-file-stats.js';
import { verdictDetails, sampleFileMessages } from '../../messages/sample-file-messages.js';
import { uploadMessages, type UploadNotice } from '../../messages/upload-messages.js';
import type { UploadLimits, UploadRow } from '../../services/upload-check.service.js';
import { convertFormHtml } from './convert-page.js';
import { escapeHtml as h } from './html-escape.js';
import { layout } from './upload-layout.js';

export { ASSET_PATH } from './upload-layout.js';
/** The CSV of a batch's verdicts. */
export const csvPath = (batchId: number) => `/tai-len/${batchId}/ket-qua.csv`;

/** The commune's statistics after an upload. */
export interface UploadStats {
  readonly unitName: string;
  readonly stats: SampleStats;
}

/** What the page shows: the form, and the results of an upload sent without JavaScript. */
export interface UploadPageView {
  readonly who: string;
  readonly checkOnly: boolean;
  readonly csrfToken: string;
  readonly limits: UploadLimits;
  readonly timeZone: string;
  /** The campaign's size limit, which the converter's form names. */
  readonly convertMaxBytes: number;
  readonly results?: {
    readonly batchId: number;
    readonly rows: readonly UploadRow[];
    readonly stats?: UploadStats;
  };
}

type RowStatus = 'accepted' | 'warnings' | 'rejected' | 'error';

/** A page that answers instead of the form (not signed in, refused, a limit): what happened, what to do. */
export function noticePage(notice: UploadNotice, withBackLink = false): string {
  const back = withBackLink
    ? `<p><a class="back" href="/tai-len">${h(uploadMessages.uploadMore)}</a></p>`
    : '';
  return layout(notice.title, `<h1>${h(notice.title)}</h1><p class="notice">${h(notice.text)}</p>${back}`);
}

/** The upload page: the form, and the results when the form was sent without JavaScript. */
export function uploadPage(view: UploadPageView): string {
  const m = uploadMessages;
  const { maxFileBytes, maxUploadBytes } = view.limits;
  const data = {
    'max-file-bytes': String(maxFileBytes),
    'max-upload-bytes': String(maxUploadBytes),
    'label-pending': m.pending,
    'label-network': m.failed.network,
    'label-too-large': m.failed.tooLarge(maxFileBytes),
    'label-error': m.totals.error,
    'label-session': m.refusal.unauthenticated.text,
  };
  const dataAttributes = Object.entries(data)
    .map(([key, value]) => ` data-${key}="${h(value)}"`)
    .join('');
  const results = view.results;
  const rows = results?.rows ?? [];
  const body = [
    `<header class="head"><h1>${h(m.title)}</h1><p class="who">${h(view.who)}</p></header>`,
    `<p class="intro">${h(m.intro)}</p>`,
    `<p class="limits">${h(m.limits(maxFileBytes, maxUploadBytes))}</p>`,
    view.checkOnly ? `<p class="check-only">${h(m.checkOnly)}</p>` : '',
    `<form id="upload-form" class="upload-form" method="post" action="/tai-len/tep" enctype="multipart/form-data"${dataAttributes}>`,
    `<input type="hidden" name="_csrf" value="${h(view.csrfToken)}">`,
    `<label id="drop-zone" class="drop" for="upload-files"><span class="drop-title">${h(m.dropZone)}</span><span class="drop-button">${h(m.chooseFiles)}</span></label>`,
    '<input id="upload-files" class="file-input" type="file" name="tep" multiple accept=".pdf,.zip,application/pdf,application/zip">',
    `<button type="submit" class="submit">${h(m.submit)}</button>`,
    `<noscript><p class="noscript">${h(m.noScript)}</p></noscript>`,
    '</form>',
    `<section id="results" class="results"${results ? '' : ' hidden'}>`,
    `<h2>${h(m.results)}</h2>`,
    totalsHtml(rows),
    `<p class="csv"><a id="csv-link" href="${results ? csvPath(results.batchId) : '#'}" download${results && rows.some((row) => row.verdict) ? '' : ' hidden'}>${h(m.csvLink)}</a></p>`,
    `<p id="stats" class="stats">${results?.stats ? h(statsLine(results.stats)) : ''}</p>`,
    `<ol id="rows" class="rows">${uploadRowsHtml(rows, view.timeZone)}</ol>`,
    '</section>',
    convertFormHtml(view.csrfToken, view.convertMaxBytes),
  ].join('\n');
  return layout(m.title, body);
}

/** The commune's statistics, as the chat says them (without its icon: the page has no emoji font). */
export function statsLine(stats: UploadStats): string {
  return withoutIcon(sampleFileMessages.stats(stats.unitName, stats.stats));
}

function totalsHtml(rows: readonly UploadRow[]): string {
  const counts: Record<RowStatus, number> = { accepted: 0, warnings: 0, rejected: 0, error: 0 };
  for (const row of rows) counts[statusOf(row)]++;
  const items = (Object.keys(counts) as RowStatus[]).map(
    (status) =>
      `<li class="total total--${status}"><span class="total-count" data-total="${status}">${counts[status]}</span> <span class="total-label">${h(uploadMessages.totals[status])}</span></li>`,
  );
  return `<ul class="totals" aria-live="polite">${items.join('')}</ul>`;
}

function statusOf(row: UploadRow): RowStatus {
  return row.verdict?.status ?? 'error';
}

/** The rows of the results list, one `<li>` per verdict (the script inserts these as each file finishes). */
export function uploadRowsHtml(rows: readonly UploadRow[], timeZone: string): string {
  return rows.map((row) => rowHtml(row, timeZone)).join('');
}

function rowHtml(row: UploadRow, timeZone: string): string {
  const status = statusOf(row);
  const verdict = row.verdict;
  const codes = verdict?.problems.map((problem) => problem.code).join(' ') ?? '';
  const note = noteOf(row, timeZone);
  const parts = [
    `<li class="row row--${status}" data-status="${status}" data-path="${h(row.path)}" data-codes="${h(codes)}">`,
    `<p class="row-head"><span class="badge badge--${status}">${h(uploadMessages.totals[status])}</span> <span class="row-name">${h(row.path)}</span></p>`,
    verdict ? `<p class="row-details">${h(verdictDetails(verdict))}</p>` : '',
    note ? `<p class="row-note">${h(withoutIcon(note))}</p>` : '',
  ];
  if (verdict && verdict.problems.length > 0) {
    const problems = verdict.problems.map(
      (problem) =>
        `<li class="problem problem--${problem.severity}"><code>${h(problem.code)}</code> ${h(problem.message)}</li>`,
    );
    parts.push(`<ul class="problems">${problems.join('')}</ul>`);
  }
  parts.push('</li>');
  return parts.join('');
}

function noteOf(row: UploadRow, timeZone: string): string | undefined {
  const outcome = row.outcome;
  switch (outcome.kind) {
    case 'duplicate':
      return uploadMessages.note.duplicate(outcome.receivedAt, timeZone);
    case 'too_large':
      return uploadMessages.note.tooLarge(outcome.limit);
    case 'wrong_type':
      return uploadMessages.note.wrongType;
    case 'batch_full':
      return uploadMessages.note.batchFull(outcome.limit);
    // A coordinator's files: the page says once, above the form, that they are only checked.
    case 'not_counted':
    case 'counted':
    case 'unreadable':
      return undefined;
  }
}

function withoutIcon(text: string): string {
  return text.replace(/^[\p{Extended_Pictographic}\u2139]\uFE0F?\s*/u, '');
}
