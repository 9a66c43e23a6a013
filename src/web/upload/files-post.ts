import { rm } from 'node:fs/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { uploadMessages, type UploadNotice } from '../../messages/upload-messages.js';
import type { UploadLimits } from '../../services/upload-check.service.js';
import type { WebSession } from '../web-session.js';
import type { UploadRouteDeps } from './upload-deps.js';
import { receiveUpload, type ReceivedUploadRequest } from './upload-receiver.js';
import { refuse, refuseReceived } from './upload-reply.js';
import type { Allowed } from './upload-routes.js';

/** The session and the member's right to upload, or undefined once the refusal is sent. */
export type AllowUpload = (
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<{ session: WebSession; access: Allowed } | undefined>;

/** What a POST of files needs of the routes it is mounted with. */
export interface FilesPostContext {
  readonly deps: UploadRouteDeps;
  readonly limits: UploadLimits;
  readonly maxFiles: number;
  readonly tempDir: string;
  readonly allow: AllowUpload;
}

/** A form whose files are on disk, at least one. */
export type ReceivedFiles = Extract<ReceivedUploadRequest, { kind: 'received' }>;

/**
 * Answers a POST of files (the upload's check, the conversion) alike: the member's right, the form
 * streamed to disk under the limits and its CSRF token, a refusal when it holds no file; then `handle`
 * answers, a throw of it becomes the server-error page (logged as `failure`), and the files on disk are
 * removed whatever happened.
 */
export async function answerFilesPost(
  request: FastifyRequest,
  reply: FastifyReply,
  context: FilesPostContext,
  how: { readonly noFiles: UploadNotice; readonly failure: string },
  handle: (
    checked: { session: WebSession; access: Allowed },
    received: ReceivedFiles,
  ) => Promise<FastifyReply>,
): Promise<FastifyReply> {
  const { deps, limits, maxFiles, tempDir } = context;
  const checked = await context.allow(request, reply);
  if (!checked) return reply;
  const received = await receiveUpload(request, {
    limits,
    maxFiles,
    tempDir,
    verifyFields: (fields) => deps.csrf.verify(checked.session, fields.get('_csrf') ?? ''),
  });
  if (received.kind !== 'received') {
    return refuseReceived(request, reply, received.kind, { limits, maxFiles, noFiles: how.noFiles });
  }
  try {
    if (received.files.length === 0) return refuse(request, reply, 400, how.noFiles);
    return await handle(checked, received);
  } catch (error) {
    deps.logger.error({ err: error }, how.failure);
    return refuse(request, reply, 500, uploadMessages.refusal.serverError);
  } finally {
    await rm(received.dir, { recursive: true, force: true });
  }
}
