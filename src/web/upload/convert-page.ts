import { convertLine, convertRefusalText } from '../../messages/convert-messages.js';
import { uploadMessages } from '../../messages/upload-messages.js';
import type { WebConvertRow } from '../../services/sample-convert-web.service.js';
import { escapeHtml as h } from './html-escape.js';
import { layout } from './upload-layout.js';

/** Where the converter's form posts, and where a kept ZIP is downloaded. */
export const CONVERT_PATH = '/tai-len/chuyen-doi';
export const convertZipPath = (id: number) =>
  `${CONVERT_PATH}/${id}/${uploadMessages.convert.zipFileName(id)}`;

/** What the results page shows. */
export interface ConvertResultsView {
  readonly rows: readonly WebConvertRow[];
  /** The per-file limit, said on the line of a file over it. */
  readonly maxFileBytes: number;
  readonly converted: number;
  /** The kept ZIP's id and name; undefined when nothing converted or the campaign keeps no files. */
  readonly zip?: { readonly id: number };
  /** Files converted but not kept (the campaign keeps no file content): the page says why no ZIP. */
  readonly notKept: boolean;
  /** The member's converted PDFs count as the commune's samples. */
  readonly counted: boolean;
}

/**
 * The converter's form, under the upload form. A form of its own, which the page's script leaves alone:
 * the browser posts the chosen files in one request, with or without JavaScript, and the answer is the
 * results page with the ZIP's link (one ZIP needs the whole batch, so there is nothing to show file by
 * file before it is done).
 */
export function convertFormHtml(csrfToken: string, maxBytes: number): string {
  const m = uploadMessages.convert;
  return [
    '<section id="convert" class="convert">',
    `<h2>${h(m.title)}</h2>`,
    `<p class="intro">${h(m.intro(maxBytes))}</p>`,
    `<form id="convert-form" class="convert-form" method="post" action="${CONVERT_PATH}" enctype="multipart/form-data">`,
    `<input type="hidden" name="_csrf" value="${h(csrfToken)}">`,
    `<label class="convert-label" for="convert-files">${h(m.choose)}</label>`,
    '<input id="convert-files" type="file" name="tep" multiple accept=".jpg,.jpeg,.png,.webp,.heic,.pdf,.zip,image/*,application/pdf,application/zip">',
    `<button type="submit" class="convert-submit" id="convert-submit">${h(m.submit)}</button>`,
    '</form>',
    '</section>',
  ].join('\n');
}

/** The page a conversion answers with: the summary, the ZIP's link, one line per file. */
export function convertResultsPage(view: ConvertResultsView): string {
  const m = uploadMessages.convert;
  const zip = view.zip
    ? `<p class="zip"><a id="convert-zip" href="${h(convertZipPath(view.zip.id))}" download>${h(m.zipLink)}</a></p>`
    : `<p class="notice">${h(view.converted === 0 ? m.noZip : view.notKept ? m.notKept : m.noZip)}</p>`;
  const body = [
    `<header class="head"><h1>${h(m.results)}</h1></header>`,
    `<p id="convert-summary" class="stats">${h(m.summary(view.converted, view.rows.length))}</p>`,
    zip,
    view.converted > 0 ? `<p class="check-only">${h(view.counted ? m.counted : m.notCounted)}</p>` : '',
    `<ol id="convert-rows" class="rows">${view.rows.map((row) => rowHtml(row, view.maxFileBytes)).join('')}</ol>`,
    `<p><a class="back" href="/tai-len#convert">${h(m.again)}</a></p>`,
  ].join('\n');
  return layout(m.results, body);
}

type RowStatus = 'accepted' | 'warnings' | 'rejected' | 'error';

function rowHtml(row: WebConvertRow, maxFileBytes: number): string {
  const m = uploadMessages.convert;
  let status: RowStatus;
  let path: string;
  let details: string;
  let note = '';
  let outcomeKind: string;
  if (row.kind === 'item') {
    const { outcome } = row.item;
    path = row.item.path;
    outcomeKind = outcome.kind;
    status = outcome.kind === 'refused' ? 'error' : outcome.verdict.status;
    details =
      outcome.kind === 'refused' ? convertRefusalText(outcome.refusal) : withoutIcon(convertLine(outcome));
    if (outcome.kind !== 'refused' && outcome.name.kind === 'incomplete')
      note = m.keptName(outcome.name.name);
  } else if (row.kind === 'too_large') {
    path = row.path;
    outcomeKind = 'too_large';
    status = 'error';
    details = withoutIcon(m.tooLarge(maxFileBytes));
  } else {
    path = row.path;
    outcomeKind = 'unreadable_archive';
    status = 'error';
    details = m.unreadableArchive;
  }
  const label = status === 'error' ? m.refused : uploadMessages.totals[status];
  return [
    `<li class="row row--${status}" data-status="${status}" data-outcome="${h(outcomeKind)}" data-path="${h(path)}">`,
    `<p class="row-head"><span class="badge badge--${status}">${h(label)}</span> <span class="row-name">${h(path)}</span></p>`,
    `<p class="row-details">${h(details)}</p>`,
    note ? `<p class="row-note">${h(note)}</p>` : '',
    '</li>',
  ].join('');
}

function withoutIcon(text: string): string {
  return text.replace(/^[\p{Extended_Pictographic}\u2139\u274C]\uFE0F?\s*/u, '');
}
