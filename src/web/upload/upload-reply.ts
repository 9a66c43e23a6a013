import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UploadNotice } from '../../messages/upload-messages.js';
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
