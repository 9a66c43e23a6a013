import type { Channel } from '../channels/channel.js';
import type { ChatMessage } from '../channels/chat-message.js';
import type { Campaign } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import type { MemberRow } from '../db/member.table.js';
import type { NewOutboxMessage } from '../db/outbox.repository.js';
import type { UnitRow } from '../db/unit.table.js';
import type { FileVerdict } from '../domain/file-verdict.js';
import type { ConvertOutcome } from '../domain/convert-outcome.js';
import type { BatchResult } from '../files/convert/convert-batch.js';
import type { ArchiveInspection } from '../services/sample-file-archive.service.js';
import type { DailyPackage } from '../services/daily-package.service.js';

/** A sample file fetched and inspected before the update's transaction. */
export type PreparedSample =
  | { readonly kind: 'too_large'; readonly size: number | undefined }
  | {
      readonly kind: 'pdf';
      readonly name: string;
      readonly bytes: Buffer;
      readonly verdict: FileVerdict;
      /** An oversized scan made compliant by the converter, handed back after the verdict. */
      readonly converted?: ConvertOutcome;
    }
  | {
      readonly kind: 'zip';
      readonly name: string;
      readonly inspection: ArchiveInspection;
      /** Whether a "checking N files…" message was already enqueued (the summary then edits it). */
      readonly announced: boolean;
      /** The archive's photos and oversized scans converted, when it held any (a ZIP of PDFs back). */
      readonly converted?: BatchResult;
    };

/** A photo (or an image sent as a file) converted into a compliant PDF before the transaction. */
export type PreparedConvert =
  | { readonly kind: 'too_large'; readonly size: number | undefined }
  | {
      readonly kind: 'converted';
      readonly original: string;
      /** The photo as sent, kept under the campaign's retention apart from samples. */
      readonly originalBytes: Uint8Array;
      readonly outcome: ConvertOutcome;
    };

/**
 * The slow part of handling an update — network and CPU — done before its short transaction, so the
 * single embedded connection, the sender and the scheduler never wait behind it. Handling the update
 * again after a crash simply prepares again.
 */
export interface PreparedWork {
  readonly sample?: PreparedSample;
  readonly convert?: PreparedConvert;
  readonly dailyPackage?: DailyPackage;
  readonly excel?: PreparedExcel;
}

/** A scope's figures for one day as an Excel workbook, rendered for /xuatexcel. */
export interface PreparedExcel {
  readonly date: string;
  readonly fileName: string;
  readonly bytes: Buffer;
}

/** What a prepare step may use: the database outside any transaction, read-mostly. */
export interface PrepareDeps {
  readonly db: Db;
  readonly campaign: Campaign;
  readonly clock: Clock;
  readonly channel: Channel;
  readonly member: MemberRow | undefined;
  readonly unit: UnitRow | undefined;
  /** Enqueues messages at once in their own short transaction (progress notes during long work). */
  enqueueNow(messages: readonly NewOutboxMessage[]): Promise<void>;
}

/** One feature's slow work for an update; returns nothing when the update is not its business. */
export type PrepareStep = (message: ChatMessage, deps: PrepareDeps) => Promise<PreparedWork>;

/** The active member of one of `roles`, if the sender is one (prepare steps do no talking). */
export function activeMemberIn(
  deps: PrepareDeps,
  roles: readonly MemberRow['role'][],
): { member: MemberRow; unit: UnitRow } | undefined {
  const { member, unit } = deps;
  return member?.active && unit && roles.includes(member.role) ? { member, unit } : undefined;
}
