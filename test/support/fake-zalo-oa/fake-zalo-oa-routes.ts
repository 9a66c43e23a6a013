import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeOaState } from './fake-zalo-oa-state.js';

type Reply = { status?: number; body: unknown };

const ok = (data: unknown): Reply => ({ body: { data, error: 0, message: 'Success' } });
const fail = (error: number, message: string): Reply => ({ body: { error, message } });

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

async function formOf(req: IncomingMessage, body: Buffer): Promise<FormData> {
  return new Request('http://fake/', {
    method: 'POST',
    headers: { 'content-type': header(req, 'content-type') ?? '' },
    body: new Uint8Array(body),
  }).formData();
}

function send(state: FakeOaState, json: Record<string, unknown>, group: boolean): Reply {
  const recipient = (json.recipient ?? {}) as { user_id?: string; group_id?: string };
  const message = (json.message ?? {}) as Record<string, unknown>;
  if (typeof message.text === 'string' && message.text.length > 2000) return fail(-201, 'text too long');
  if (state.rejectQuotes && 'quote_message_id' in message) return fail(-201, 'invalid field');
  const messageId = state.newId();
  const at = state.clock.now();
  const shown =
    typeof message.text === 'string' ? { ...message, text: state.rewordBotText(message.text) } : message;
  if (group) {
    if (!recipient.group_id || !state.groups.has(recipient.group_id))
      return fail(-201, 'group not managed by OA');
    const attachment = message.attachment as { type?: string } | undefined;
    if (attachment?.type === 'template') return fail(-201, 'template not allowed in group');
    state.sent.push({ to: { groupId: recipient.group_id }, message: shown, messageId, at, charge: 'group' });
    return ok({ message_id: messageId });
  }
  const userId = recipient.user_id ?? '';
  const charge = state.chargeFor(userId);
  if (charge === 'refused') {
    state.sent.push({ to: { userId }, message: shown, messageId: '', at, charge });
    return state.lastMessageAt.has(userId)
      ? fail(-230, 'User has not interacted with the OA in the last 7 days')
      : fail(-232, 'User has not interacted with the OA');
  }
  state.sent.push({ to: { userId }, message: shown, messageId, at, charge });
  return ok({ message_id: messageId, user_id: userId, sent_time: String(at.getTime()) });
}

/** Answers one request to the fake OA: the send, upload, token and file routes. */
export async function routeFakeOa(
  state: FakeOaState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake');
  const body = await readBody(req);
  let reply: Reply;
  if (req.method === 'GET' && url.pathname.startsWith('/files/')) {
    const file = state.hostedFiles.get(url.pathname.slice('/files/'.length));
    if (!file || file.expiresAt <= state.clock.now()) {
      res.writeHead(403).end('expired');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.bytes.length });
    res.end(file.bytes);
    return;
  }
  if (url.pathname === '/v4/oa/access_token') {
    reply = refresh(state, req, body);
  } else if (!state.validAccess(header(req, 'access_token'))) {
    reply = fail(-216, 'Access token is invalid');
  } else if (url.pathname === '/v3.0/oa/message/cs' || url.pathname === '/v3.0/oa/group/message') {
    reply = send(
      state,
      JSON.parse(body.toString('utf8')) as Record<string, unknown>,
      url.pathname.includes('group'),
    );
  } else if (url.pathname === '/v2.0/oa/upload/file' || url.pathname === '/v2.0/oa/upload/image') {
    const file = (await formOf(req, body)).get('file');
    if (!(file instanceof Blob)) {
      reply = fail(-201, 'no file');
    } else {
      const bytes = Buffer.from(await file.arrayBuffer());
      const name = (file as File).name;
      const image = url.pathname.endsWith('image');
      if (bytes.length > (image ? 1_000_000 : 5_000_000)) {
        reply = fail(-210, 'file too large');
      } else if (image) {
        const key = state.newId();
        state.uploadedImages.set(key, { name, bytes });
        reply = ok({ attachment_id: key });
      } else {
        const key = state.newId();
        state.uploadedFiles.set(key, { name, bytes });
        reply = ok({ token: key });
      }
    }
  } else {
    reply = { status: 404, body: { error: 404, message: 'not found' } };
  }
  res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
}

function refresh(state: FakeOaState, req: IncomingMessage, body: Buffer): Reply {
  state.refreshCalls++;
  const form = new URLSearchParams(body.toString('utf8'));
  const token = form.get('refresh_token') ?? '';
  if (header(req, 'secret_key') !== 'app-secret' || form.get('grant_type') !== 'refresh_token') {
    return { body: { error: -14002, error_description: 'invalid app secret' } };
  }
  if (!state.refreshTokens.has(token)) {
    return { body: { error: -14020, error_description: 'refresh token already used or expired' } };
  }
  state.refreshTokens.delete(token);
  state.spentRefreshTokens.add(token);
  const pair = state.issueTokens();
  return {
    body: {
      access_token: pair.accessToken,
      refresh_token: pair.refreshToken,
      expires_in: String(state.accessTokenLifetimeSeconds),
    },
  };
}
