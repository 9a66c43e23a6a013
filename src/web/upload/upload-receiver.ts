import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { UploadLimits } from '../../services/upload-check.service.js';

/** A file part as it landed on disk: at most the file limit is written, but every byte is counted. */
export interface ReceivedPart {
  readonly name: string;
  readonly mimeType: string;
  readonly size: number;
  readonly path: string;
  /** Over the file limit: only its first `maxFileBytes` are on disk. */
  readonly truncated: boolean;
}

/** What receiving a request gave: the files on disk (the caller removes `dir`), or why it stopped. */
export type ReceivedUploadRequest =
  | {
      readonly kind: 'received';
      readonly fields: ReadonlyMap<string, string>;
      readonly files: readonly ReceivedPart[];
      readonly dir: string;
    }
  | { readonly kind: 'not_multipart' | 'csrf' | 'too_large' | 'too_many_files' };

/** How a request is received. */
export interface ReceiveOptions {
  readonly limits: UploadLimits;
  readonly maxFiles: number;
  readonly tempDir: string;
  /** Checked with the fields sent before the first file (the form puts its token first), or at the end. */
  readonly verifyFields: (fields: ReadonlyMap<string, string>) => boolean;
}

// Multipart boundaries and headers add a little to the files' bytes; a body past this is refused unread.
const ENVELOPE_BYTES = 1024 * 1024;

/**
 * Streams a multipart request's files to a temp folder, one part after another, never holding a file in
 * memory: each part's bytes are counted as they pass, written until the file limit and discarded after
 * it (its real size still known), and the whole request stops at the upload limit.
 */
export async function receiveUpload(
  request: FastifyRequest,
  options: ReceiveOptions,
): Promise<ReceivedUploadRequest> {
  const { limits } = options;
  if (!request.isMultipart()) return { kind: 'not_multipart' };
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limits.maxUploadBytes + ENVELOPE_BYTES) return { kind: 'too_large' };
  const dir = await mkdtemp(join(options.tempDir, 'sohoa-upload-'));
  let outcome: ReceivedUploadRequest | undefined;
  try {
    outcome = await receiveParts(request, options, dir).catch((error: unknown) => failure(error));
    return outcome;
  } finally {
    if (outcome?.kind !== 'received') await rm(dir, { recursive: true, force: true });
  }
}

async function receiveParts(
  request: FastifyRequest,
  options: ReceiveOptions,
  dir: string,
): Promise<ReceivedUploadRequest> {
  const { limits, maxFiles } = options;
  const fields = new Map<string, string>();
  const files: ReceivedPart[] = [];
  let verified = false;
  let total = 0;
  const parts = request.parts({
    limits: {
      // The upload limit is the one a single part can reach; the file limit is applied while writing.
      fileSize: limits.maxUploadBytes + 1,
      files: maxFiles,
      fields: 20,
      fieldSize: 4096,
      parts: maxFiles + 20,
    },
  });
  for await (const part of parts) {
    if (part.type === 'field') {
      if (typeof part.value === 'string') fields.set(part.fieldname, part.value);
      continue;
    }
    if (!verified) {
      if (!options.verifyFields(fields)) return { kind: 'csrf' };
      verified = true;
    }
    const path = join(dir, String(files.length));
    const out = createWriteStream(path);
    let size = 0;
    try {
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        total += chunk.length;
        if (total > limits.maxUploadBytes) return { kind: 'too_large' };
        const room = limits.maxFileBytes - (size - chunk.length);
        if (room > 0) await write(out, room >= chunk.length ? chunk : chunk.subarray(0, room));
      }
    } finally {
      out.end();
      await once(out, 'close');
    }
    if (part.file.truncated) return { kind: 'too_large' };
    // An empty file input still sends a part, without a name: the form was sent with nothing chosen.
    if (part.filename === '' && size === 0) continue;
    files.push({
      name: part.filename,
      mimeType: part.mimetype,
      size,
      path,
      truncated: size > limits.maxFileBytes,
    });
  }
  if (!verified && !options.verifyFields(fields)) return { kind: 'csrf' };
  return { kind: 'received', fields, files, dir };
}

async function write(out: WriteStream, chunk: Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

function failure(error: unknown): ReceivedUploadRequest {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') return { kind: 'too_many_files' };
  if (code === 'FST_REQ_FILE_TOO_LARGE') return { kind: 'too_large' };
  if (typeof code === 'string' && code.startsWith('FST_')) return { kind: 'not_multipart' };
  // Malformed multipart bodies come from busboy as plain errors; anything else is the server's fault.
  if (error instanceof Error && /multipart|boundary|unexpected end/i.test(error.message)) {
    return { kind: 'not_multipart' };
  }
  throw error;
}
