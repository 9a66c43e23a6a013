import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { pino } from 'pino';
import type { Campaign } from '../../../../src/domain/campaign.js';
import { ManualClock } from '../../../../src/domain/clock.js';
import type { Role } from '../../../../src/domain/role.js';
import type { Db } from '../../../../src/db/database.js';
import { upsertMember } from '../../../../src/db/member.repository.js';
import type { MemberRow } from '../../../../src/db/member.table.js';
import { getCampaign } from '../../../../src/services/campaign.service.js';
import type { UploadLimits } from '../../../../src/services/upload-check.service.js';
import { addSecurityHeaders } from '../../../../src/web/security-headers.js';
import type { UploadCsrf } from '../../../../src/web/upload/upload-deps.js';
import { registerUploadRoutes } from '../../../../src/web/upload/upload-routes.js';
import type { WebSession } from '../../../../src/web/web-session.js';
import { loadQuangTri } from '../../../support/campaign-fixture.js';

/** The test-only session: a header (fastify.inject) or a cookie (the browser) carrying the session as JSON. */
export const SESSION_HEADER = 'x-test-session';
export const SESSION_COOKIE = 'test-session';

/** The campaign's clock in these tests: during the Quảng Trị campaign. */
export const UPLOAD_NOW = '2025-03-10T10:00:00+07:00';

/** The members the tests sign in as. */
export interface UploadCast {
  readonly reporter: MemberRow;
  readonly otherReporter: MemberRow;
  readonly coordinator: MemberRow;
  readonly leader: MemberRow;
  readonly inactive: MemberRow;
}

/** A Fastify app with the upload routes behind a test session hook. */
export interface UploadApp {
  readonly app: FastifyInstance;
  readonly campaign: Campaign;
  readonly cast: UploadCast;
  readonly clock: ManualClock;
  readonly csrf: UploadCsrf;
  /** The session of a member, as the web side would set it. */
  session(member: MemberRow): WebSession;
  /** Headers that sign a request in as `member`. */
  as(member: MemberRow): Record<string, string>;
  /**
   * Posts files to `url` as a member of the cast (the reporter unless told), with their CSRF token unless
   * `csrf` names another (null: none), the `fields` after it and the extra `headers`.
   */
  post(url: string, files: readonly FormFile[], options?: UploadPostOptions): Promise<LightMyRequestResponse>;
  /** GETs `url` as a member of the cast (the reporter unless told). */
  get(url: string, member?: keyof UploadCast): Promise<LightMyRequestResponse>;
  /** How many rows a table holds. */
  countRows(table: 'sample_files' | 'upload_batches' | 'upload_results' | 'converted_files'): Promise<number>;
}

/** Options of {@link UploadApp.post}. */
export interface UploadPostOptions {
  readonly member?: keyof UploadCast;
  readonly csrf?: string | null;
  readonly fields?: Record<string, string>;
  readonly headers?: Record<string, string>;
}

/** An HMAC token bound to the session, as the web side's CSRF helper would make one. */
export function hmacCsrf(): UploadCsrf {
  const secret = randomBytes(32);
  const tokenFor = (session: WebSession) =>
    createHmac('sha256', secret).update(`${session.sessionId}:${session.memberId}`).digest('hex');
  return {
    tokenFor,
    verify: (session, token) => {
      const expected = Buffer.from(tokenFor(session));
      const given = Buffer.from(token);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

async function unitIdOf(db: Db, campaignId: number, level: string, offset = 0): Promise<number> {
  const row = await db
    .selectFrom('units')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .where('level', '=', level)
    .orderBy('code')
    .offset(offset)
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function member(
  db: Db,
  campaignId: number,
  id: string,
  role: Role,
  unitId: number,
  at: Date,
): Promise<MemberRow> {
  return upsertMember(db, {
    campaign_id: campaignId,
    platform: 'telegram',
    platform_user_id: id,
    display_name: `Cán bộ ${id}`,
    role,
    unit_id: unitId,
    at,
  });
}

/** Loads Quảng Trị, adds a cast of members and builds the app (not listening; `app.listen` for a browser). */
export async function buildUploadApp(
  db: Db,
  options: { limits?: UploadLimits; maxFiles?: number } = {},
): Promise<UploadApp> {
  const clock = new ManualClock(UPLOAD_NOW);
  await loadQuangTri(db, clock);
  const campaign = await getCampaign(db);
  const at = clock.now();
  const commune = await unitIdOf(db, campaign.id, 'commune');
  const otherCommune = await unitIdOf(db, campaign.id, 'commune', 1);
  const province = await unitIdOf(db, campaign.id, 'province');
  const cast: UploadCast = {
    reporter: await member(db, campaign.id, '101', 'reporter', commune, at),
    otherReporter: await member(db, campaign.id, '102', 'reporter', otherCommune, at),
    coordinator: await member(db, campaign.id, '201', 'coordinator', province, at),
    leader: await member(db, campaign.id, '301', 'leader', province, at),
    inactive: await member(db, campaign.id, '103', 'reporter', commune, at),
  };
  await db.updateTable('members').set({ active: false }).where('id', '=', cast.inactive.id).execute();
  const csrf = hmacCsrf();
  const app = Fastify({ logger: false });
  addSecurityHeaders(app);
  // TEST ONLY: the real web side sets the session from its cookie after checking it in the database.
  app.addHook('onRequest', async (request) => {
    const header = request.headers[SESSION_HEADER];
    const cookie = /(?:^|;\s*)test-session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
    const raw = typeof header === 'string' ? header : cookie ? decodeURIComponent(cookie) : undefined;
    if (raw) request.webSession = JSON.parse(raw) as WebSession;
  });
  await registerUploadRoutes(app, {
    db,
    clock,
    logger: pino({ level: 'silent' }),
    campaignFor: (id) => (id === campaign.id ? campaign : undefined),
    csrf,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.maxFiles ? { maxFiles: options.maxFiles } : {}),
    tempDir: await mkdtemp(join(tmpdir(), 'sohoa-upload-test-')),
  });
  await app.ready();
  let sessionIds = 0;
  const sessions = new Map<number, WebSession>();
  const session = (m: MemberRow): WebSession => {
    const known = sessions.get(m.id);
    if (known) return known;
    const made = {
      sessionId: ++sessionIds,
      campaignId: campaign.id,
      memberId: m.id,
      role: m.role,
      unitId: m.unit_id,
    };
    sessions.set(m.id, made);
    return made;
  };
  const as = (m: MemberRow) => ({ [SESSION_HEADER]: JSON.stringify(session(m)) });
  const post = (url: string, files: readonly FormFile[], options: UploadPostOptions = {}) => {
    const m = cast[options.member ?? 'reporter'];
    const token = options.csrf === undefined ? csrf.tokenFor(session(m)) : options.csrf;
    const body = multipartBody({ ...(token === null ? {} : { _csrf: token }), ...options.fields }, files);
    return app.inject({
      method: 'POST',
      url,
      payload: body.payload,
      headers: { ...body.headers, ...as(m), ...options.headers },
    });
  };
  const countRows = async (table: 'sample_files' | 'upload_batches' | 'upload_results' | 'converted_files') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const get = (url: string, member: keyof UploadCast = 'reporter') =>
    app.inject({ method: 'GET', url, headers: as(cast[member]) });
  return { app, campaign, cast, clock, csrf, session, as, post, get, countRows };
}

/** A file in a multipart body. */
export interface FormFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly type?: string;
}

/** A multipart/form-data body: fields first (as the page sends its token), then the files. */
export function multipartBody(
  fields: Record<string, string>,
  files: readonly FormFile[],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----sohoa${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="tep"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type ?? 'application/pdf'}\r\n\r\n`,
      ),
      Buffer.from(file.bytes),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
