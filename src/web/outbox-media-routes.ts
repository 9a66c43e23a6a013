import type { FastifyInstance } from 'fastify';
import { webPageMessages as m } from '../messages/web-page-messages.js';
import { albumImages, type AlbumPayload, type FilePayload } from '../outbox/outbox-payload.js';
import { mediaExtensionOf, outboxMedia, verifyOutboxMediaPath } from '../services/outbox-media.service.js';
import { sendRefusal } from './session-hook.js';
import type { WebDeps } from './web-deps.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};

/**
 * `/m/o/<signed>`: one file of one outbox row (a chart, an album's image, a PDF) for Zalo Bot, which
 * fetches photos by URL and cannot receive documents. No session: the signature (`outboxMediaUrl`) and its
 * expiry are the permission, for that one file; the name's extension must match the file's.
 */
export function registerOutboxMediaRoutes(app: FastifyInstance, deps: WebDeps): void {
  app.get<{ Params: { signed: string } }>('/m/o/:signed', async (request, reply) => {
    const media = verifyOutboxMediaPath(deps.secret, request.params.signed, deps.clock.now());
    const row = media ? await outboxMedia(deps.db, media.outboxId) : undefined;
    if (!media || !row?.attachment) return sendRefusal(reply, 404, m.notFound, m.notFoundTitle);
    const file =
      row.kind === 'album'
        ? albumImages(row.payload as AlbumPayload, row.attachment)[media.index]
        : media.index === 0
          ? { fileName: (row.payload as FilePayload).fileName, bytes: row.attachment }
          : undefined;
    if (!file || mediaExtensionOf(file.fileName) !== media.extension) {
      return sendRefusal(reply, 404, m.notFound, m.notFoundTitle);
    }
    return reply
      .header('cache-control', 'private, max-age=600')
      .header('content-disposition', `inline; filename="${encodeURIComponent(file.fileName)}"`)
      .type(CONTENT_TYPES[media.extension] ?? 'application/octet-stream')
      .send(file.bytes);
  });
}
