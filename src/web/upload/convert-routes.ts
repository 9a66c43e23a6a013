import type { FastifyInstance } from 'fastify';
import { fileRulesOf } from '../../domain/campaign.js';
import { uploadMessages } from '../../messages/upload-messages.js';
import { findConvertResult } from '../../services/sample-convert-store.service.js';
import { convertUpload, type UploadedForConvert } from '../../services/sample-convert-web.service.js';
import { CONVERT_PATH, convertResultsPage } from './convert-page.js';
import { answerFilesPost, type FilesPostContext } from './files-post.js';
import type { ReceivedPart } from './upload-receiver.js';
import { html, refuse } from './upload-reply.js';
import type { Allowed } from './upload-routes.js';

/** What the converter's routes share with the upload routes they are mounted with. */
export interface ConvertRouteContext extends FilesPostContext {
  readonly readPart: (part: ReceivedPart) => Promise<Uint8Array>;
}

/**
 * "Chuyển đổi" on the upload page: POST /tai-len/chuyen-doi (photos, oversized or colour PDFs, ZIPs of
 * them; streamed to disk under the same limits as the upload) answers with the results page; GET
 * /tai-len/chuyen-doi/<id>/<name>.zip sends the member's own ZIP while the campaign keeps it.
 */
export function convertRoutes(scope: FastifyInstance, context: ConvertRouteContext): void {
  const { deps, limits, allow } = context;
  const m = uploadMessages.convert;

  scope.post(CONVERT_PATH, (request, reply) =>
    answerFilesPost(
      request,
      reply,
      context,
      { noFiles: m.noFiles, failure: 'upload conversion failed' },
      async ({ access }, received) => {
        const files: UploadedForConvert[] = received.files.map((part) =>
          part.truncated
            ? { kind: 'too_large', name: part.name, size: part.size }
            : { kind: 'file', name: part.name, read: () => context.readPart(part) },
        );
        const result = await convertUpload(deps.db, access.campaign, access.sender, files, deps.clock.now());
        // Never the files' names or contents: civil-status records (issue 18).
        deps.logger.info(
          { files: files.length, rows: result.rows.length, converted: result.converted },
          'upload converted',
        );
        return html(
          reply,
          200,
          convertResultsPage({
            ...result,
            maxFileBytes: limits.maxFileBytes,
            counted: access.counts,
          }),
        );
      },
    ),
  );

  scope.get<{ Params: { id: string; name: string } }>(`${CONVERT_PATH}/:id/:name`, async (request, reply) => {
    const checked = await allow(request, reply);
    if (!checked) return reply;
    const { id } = request.params;
    const found = /^\d{1,15}$/.test(id)
      ? await findConvertResult(deps.db, checked.access.sender.member.id, Number(id), deps.clock.now())
      : undefined;
    if (!found) return refuse(request, reply, 404, m.resultNotFound);
    return reply
      .type('application/zip')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${m.zipFileName(Number(id))}"`)
      .send(found.bytes);
  });
}

/** The campaign's size limit, which the converter's form names. */
export function convertMaxBytes(access: Allowed): number {
  return fileRulesOf(access.campaign.settings).maxBytes;
}
