import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { pino } from 'pino';
import { beforeAll, expect, it } from 'vitest';
import type { MemberRow } from '../../../src/db/member.table.js';
import { issueWebLink, openWebLink } from '../../../src/services/web-link.service.js';
import { csrfTokenOf, SESSION_COOKIE } from '../../../src/web/session-hook.js';
import { registerUploadPage } from '../../../src/web/upload/upload-page-wiring.js';
import { createWebDeps } from '../../../src/web/web-deps.js';
import { makeOnePageScan } from '../../files/support/scan-corpus.js';
import { describeEachDatabase } from '../../support/test-database.js';
import { buildUploadApp, multipartBody } from './support/upload-app.js';

let scan: Uint8Array;
beforeAll(async () => {
  scan = await makeOnePageScan(1000, 1000, 720, 720);
});

describeEachDatabase('upload page behind the web side’s personal links', (database) => {
  it('opens with a real session cookie, takes the web side’s CSRF token, and refuses without them', async () => {
    const db = database().db;
    const fixture = await buildUploadApp(db);
    await fixture.app.close();
    const { campaign, clock, cast } = fixture;
    const deps = await createWebDeps({
      db,
      clock,
      logger: pino({ level: 'silent' }),
      baseUrl: 'http://127.0.0.1',
      configuredSecret: undefined,
      campaigns: [campaign],
    });
    const app = Fastify({ logger: false });
    await app.register(cookie);
    await registerUploadPage(app, deps);
    await app.ready();
    const signIn = async (member: MemberRow) => {
      const link = await issueWebLink(db, campaign, member, clock);
      const opened = await openWebLink(db, link.token, clock);
      if (opened.kind !== 'session') throw new Error(opened.reason);
      return { cookie: `${SESSION_COOKIE}=${opened.sessionToken}`, session: opened.session };
    };
    try {
      expect((await app.inject({ method: 'GET', url: '/tai-len' })).statusCode).toBe(401);
      const reporter = await signIn(cast.reporter);
      const page = await app.inject({ method: 'GET', url: '/tai-len', headers: { cookie: reporter.cookie } });
      expect(page.statusCode).toBe(200);
      const token = csrfTokenOf(deps.secret, reporter.session);
      expect(page.body).toContain(`name="_csrf" value="${token}"`);
      const send = (csrf: string, who = reporter) => {
        const body = multipartBody({ _csrf: csrf }, [{ name: 'KS.2010.01.001.pdf', bytes: scan }]);
        return app.inject({
          method: 'POST',
          url: '/tai-len/tep',
          payload: body.payload,
          headers: { ...body.headers, cookie: who.cookie, accept: 'application/json' },
        });
      };
      expect((await send('not-the-token')).statusCode).toBe(403);
      const accepted = await send(token);
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json<{ html: string }>().html).toContain('data-status="accepted"');
      const leader = await signIn(cast.leader);
      const refused = await app.inject({
        method: 'GET',
        url: '/tai-len',
        headers: { cookie: leader.cookie },
      });
      expect(refused.statusCode).toBe(403);
    } finally {
      await app.close();
    }
  });
});
