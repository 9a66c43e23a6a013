import type { FastifyReply, FastifyRequest } from 'fastify';
import { uploadMessages, type UploadNotice } from '../../messages/upload-messages.js';
import type { UploadLimits } from '../../services/upload-check.service.js';
import type { ReceivedUploadRequest } from './upload-receiver.js';
import { noticePage } from './upload-page.js';

/** True when the page's script asked (it wants JSON, not a page). */
export function wantsJson(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('application/json');
}

/** Sends a page that is never cached. */
export function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

/**
 * Answers a refusal as a page (or as JSON for the page's script). `close`: the rest of the request body
 * is not read, so the connection is closed rather than left to drain it.
 */
export function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  notice: UploadNotice,
  close = false,
): FastifyReply {
  if (close) reply.header('connection', 'close');
  if (wantsJson(request)) {
    return reply.code(status).header('cache-control', 'no-store').send({ error: notice.text });
  }
  return html(reply, status, noticePage(notice, status !== 401));
}

/**
 * Answers a request the receiver refused before any file was read (not multipart, bad CSRF token, too
 * big, too many files); the upload and the conversion routes answer them alike.
 */
export function refuseReceived(
  request: FastifyRequest,
  reply: FastifyReply,
  refused: Exclude<ReceivedUploadRequest, { kind: 'received' }>['kind'],
  context: { limits: UploadLimits; maxFiles: number; noFiles: UploadNotice },
): FastifyReply {
  const { refusal } = uploadMessages;
  switch (refused) {
    case 'not_multipart':
      return refuse(request, reply, 400, context.noFiles, true);
    case 'csrf':
      return refuse(request, reply, 403, refusal.csrf, true);
    case 'too_large':
      return refuse(request, reply, 413, refusal.uploadTooLarge(context.limits.maxUploadBytes), true);
    case 'too_many_files':
      return refuse(request, reply, 413, refusal.tooManyFiles(context.maxFiles), true);
  }
}
