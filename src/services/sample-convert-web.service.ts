import type { Campaign } from '../domain/campaign.js';
import type { Db } from '../db/database.js';
import { inTransaction } from '../db/transaction.js';
import { expandArchives, zipEntries, type BatchItem } from '../files/convert/convert-batch.js';
import { convertFile } from '../files/convert/convert-file.js';
import { writeZip } from '../files/convert/zip-writer.js';
import { campaignConvertRules, recordConvertedSamples } from './sample-convert.service.js';
import { keepConvertOriginals, keepConvertResult } from './sample-convert-store.service.js';
import type { SampleSender } from './sample-file.service.js';

/**
 * A file as the upload page received it: a way to read its bytes (from the disk it was streamed to, one
 * file at a time), or only its size when over the per-file limit.
 */
export type UploadedForConvert =
  | { readonly kind: 'file'; readonly name: string; readonly read: () => Promise<Uint8Array> }
  | { readonly kind: 'too_large'; readonly name: string; readonly size: number };

/** One line of a conversion's results, in the order the files came. */
export type WebConvertRow =
  | { readonly kind: 'item'; readonly item: BatchItem }
  | { readonly kind: 'too_large'; readonly path: string }
  /** An archive, or an entry of one, that could not be opened. */
  | { readonly kind: 'unreadable_archive'; readonly path: string };

/** What converting an upload gave. */
export interface WebConvertResult {
  readonly rows: readonly WebConvertRow[];
  /** Files that came out as compliant PDFs (converted, or already compliant and handed back as they are). */
  readonly converted: number;
  /** The kept ZIP of the PDFs, for the page to link to; undefined when there is none or none is kept. */
  readonly zip?: { readonly id: number };
  /** PDFs came out but the campaign keeps no file content, so there is no ZIP to link to. */
  readonly notKept: boolean;
}

/**
 * Converts what a member uploaded for conversion (ZIP archives opened), one file at a time: each file is
 * read, kept as an original under the campaign's retention (apart from samples) and converted before the
 * next is read, so memory holds one file and the PDFs made (each under the size limit), never the whole
 * upload. Then the ZIP of the PDFs is kept and, for a commune's reporter, the PDFs named by the rule are
 * recorded as the commune's samples, as the chat does, in one transaction.
 */
export async function convertUpload(
  db: Db,
  campaign: Campaign,
  sender: SampleSender,
  files: readonly UploadedForConvert[],
  now: Date,
): Promise<WebConvertResult> {
  const rules = campaignConvertRules(campaign);
  const rows: WebConvertRow[] = [];
  const items: BatchItem[] = [];
  for (const file of files) {
    if (file.kind === 'too_large') {
      rows.push({ kind: 'too_large', path: file.name });
      continue;
    }
    const bytes = await file.read();
    await keepConvertOriginals(db, campaign, sender.member.id, [{ name: file.name, bytes }], now);
    const { inputs, unreadable } = expandArchives([{ name: file.name, bytes }]);
    for (const path of unreadable) rows.push({ kind: 'unreadable_archive', path });
    for (const input of inputs) {
      const item = { path: input.name, outcome: await convertFile(input, rules, now) };
      items.push(item);
      rows.push({ kind: 'item', item });
    }
  }
  const entries = zipEntries(items);
  const zipId = await inTransaction(db, async (trx) => {
    await recordConvertedSamples(
      trx,
      { campaign, sender, inboxId: null },
      items.flatMap(({ outcome }) =>
        outcome.kind === 'converted' && outcome.name.kind === 'rule'
          ? [{ fileName: outcome.name.name, pdf: outcome.pdf, verdict: outcome.verdict }]
          : [],
      ),
      now,
    );
    if (entries.length === 0) return undefined;
    return keepConvertResult(
      trx,
      campaign,
      sender.member.id,
      { name: 'ho-so-pdf.zip', bytes: writeZip(entries) },
      now,
    );
  });
  return {
    rows,
    converted: entries.length,
    ...(zipId === undefined ? {} : { zip: { id: zipId } }),
    notKept: entries.length > 0 && zipId === undefined,
  };
}
