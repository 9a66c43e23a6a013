import { open, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { verdictsToCsv } from '../../files/verdict-csv.js';
import { uploadMessages } from '../../messages/upload-messages.js';
import { findUploadAccess, type UploadAccess } from '../../services/upload-access.service.js';
import {
  checkUpload,
  findOwnUploadBatch,
  openUploadBatch,
  uploadBatchVerdicts,
  UPLOAD_LIMITS,
  type UploadRow,
  type UploadStats as ServiceStats,
} from '../../services/upload-check.service.js';
import type { WebSession } from '../web-session.js';
import { loadUploadAssets } from './upload-assets.js';
import type { UploadRouteDeps } from './upload-deps.js';
import { csvPath, statsLine, uploadPage, uploadRowsHtml } from './upload-page.js';
import { convertMaxBytes, convertRoutes } from './convert-routes.js';
import { answerFilesPost } from './files-post.js';
import type { ReceivedPart } from './upload-receiver.js';
import { html, refuse, wantsJson } from './upload-reply.js';

export type { UploadRouteDeps, UploadCsrf } from './upload-deps.js';

// Enough of a file over the size limit for the inspector's name, size and format checks.
const HEAD_BYTES = 64 * 1024;
const DEFAULT_MAX_FILES = 1000;

export type Allowed = Extract<UploadAccess, { kind: 'allowed' }>;

/**
 * The upload page for commune officers: GET /tai-len (the form), POST /tai-len/tep (one or many files,
 * streamed), GET /tai-len/<batch>/ket-qua.csv (the verdicts of one upload) and the page's script and
 * style under /tai-len/tai-nguyen/. Mounted behind the session hook that sets `request.webSession`; every
 * route checks it again here, with the member's current role and state.
 */
export async function registerUploadRoutes(app: FastifyInstance, deps: UploadRouteDeps): Promise<void> {
  const assets = loadUploadAssets();
  const limits = deps.limits ?? UPLOAD_LIMITS;
  const maxFiles = deps.maxFiles ?? DEFAULT_MAX_FILES;
  const tempDir = deps.tempDir ?? tmpdir();
  const timeZone = (access: Allowed) => access.campaign.settings.timeZone;
  const filesPost = { deps, limits, maxFiles, tempDir, allow };

  await app.register(async (scope) => {
    // The web server may have registered the multipart parser for its own forms already.
    if (!scope.hasRequestDecorator('parts')) await scope.register(multipart);
    // Any other body (a form posted without files, JSON) reaches the route unread, which answers it with
    // its own page: Fastify's 415 would be a bare error.
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));

    scope.get<{ Params: { name: string } }>('/tai-len/tai-nguyen/:name', async (request, reply) => {
      const asset = assets.get(request.params.name);
      if (!asset) return reply.code(404).type('text/plain; charset=utf-8').send('');
      return reply.type(asset.contentType).header('cache-control', 'no-cache').send(asset.body);
    });

    scope.get('/tai-len', async (request, reply) => {
      const checked = await allow(request, reply);
      if (!checked) return reply;
      const { session, access } = checked;
      return html(reply, 200, uploadPage(pageView(session, access)));
    });

    scope.post('/tai-len/tep', (request, reply) =>
      answerFilesPost(
        request,
        reply,
        filesPost,
        { noFiles: uploadMessages.refusal.noFiles, failure: 'upload failed' },
        async ({ session, access }, received) => {
          const batchField = received.fields.get('lo');
          const batch =
            batchField === undefined || batchField === ''
              ? await openUploadBatch(deps.db, access.campaign, access.sender, deps.clock.now())
              : /^\d{1,15}$/.test(batchField)
                ? await findOwnUploadBatch(deps.db, access.campaign, access.sender, Number(batchField))
                : undefined;
          if (!batch) return refuse(request, reply, 404, uploadMessages.refusal.batchNotFound);
          const rows: UploadRow[] = [];
          let stats: ServiceStats | undefined;
          for (const file of received.files) {
            const checkedFile = await checkUpload(
              deps.db,
              access.campaign,
              access.sender,
              batch,
              { ...file, bytes: await readPart(file) },
              deps.clock.now(),
              limits,
            );
            rows.push(...checkedFile.rows);
            stats = checkedFile.stats ?? stats;
          }
          deps.logger.info(
            { batch: batch.id, files: received.files.length, rows: rows.length },
            'upload checked',
          );
          if (wantsJson(request)) {
            return reply.header('cache-control', 'no-store').send({
              batchId: batch.id,
              csvUrl: csvPath(batch.id),
              html: uploadRowsHtml(rows, timeZone(access)),
              stats: stats ? statsLine(stats) : null,
            });
          }
          const view = pageView(session, access);
          return html(
            reply,
            200,
            uploadPage({ ...view, results: { batchId: batch.id, rows, ...(stats ? { stats } : {}) } }),
          );
        },
      ),
    );

    scope.get<{ Params: { batch: string } }>('/tai-len/:batch/ket-qua.csv', async (request, reply) => {
      const checked = await allow(request, reply);
      if (!checked) return reply;
      const { access } = checked;
      const id = request.params.batch;
      const batch = /^\d{1,15}$/.test(id)
        ? await findOwnUploadBatch(deps.db, access.campaign, access.sender, Number(id))
        : undefined;
      if (!batch) return refuse(request, reply, 404, uploadMessages.refusal.batchNotFound);
      const csv = verdictsToCsv(await uploadBatchVerdicts(deps.db, batch.id));
      return reply
        .type('text/csv; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${uploadMessages.csvFileName(batch.id)}"`)
        .send(csv);
    });

    convertRoutes(scope, { ...filesPost, readPart });
  });

  function pageView(session: WebSession, access: Allowed) {
    return {
      who: uploadMessages.who(access.sender.unit.name, access.sender.member.display_name),
      checkOnly: !access.counts,
      csrfToken: deps.csrf.tokenFor(session),
      limits,
      timeZone: timeZone(access),
      convertMaxBytes: convertMaxBytes(access),
    };
  }

  /** The session and the member's right to upload, or the refusal already sent. */
  async function allow(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<{ session: WebSession; access: Allowed } | undefined> {
    const session = request.webSession;
    if (!session) {
      await refuse(request, reply, 401, uploadMessages.refusal.unauthenticated);
      return undefined;
    }
    const access = await findUploadAccess(deps.db, await deps.campaignFor(session.campaignId), session);
    if (access.kind === 'allowed') return { session, access };
    const [status, notice] =
      access.reason === 'not_member'
        ? [401, uploadMessages.refusal.unauthenticated]
        : access.reason === 'inactive'
          ? [403, uploadMessages.refusal.inactive]
          : [403, uploadMessages.refusal.role];
    await refuse(request, reply, status, notice);
    return undefined;
  }
}

export async function readPart(part: ReceivedPart): Promise<Uint8Array> {
  if (!part.truncated) return readFile(part.path);
  const handle = await open(part.path, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
