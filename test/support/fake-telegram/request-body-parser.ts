import type { IncomingMessage } from 'node:http';
import { ApiParams, type UploadedFile } from './api-params.js';
import { BotApiError, badRequest } from './bot-api-error.js';
import { MultipartError, multipartBoundary, parseHeaderParams, parseMultipart } from './multipart-parser.js';

/** Telegram accepts uploads up to 50 MB; leave room for the form around them. */
export const MAX_BODY_BYTES = 52 * 1024 * 1024;

/** Read a whole request body (Node has already undone chunked transfer-encoding). */
export async function readBody(request: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    total += buffer.length;
    if (total > maxBytes) throw new BotApiError(413, 'Request Entity Too Large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Decode a Bot API call's parameters from the query string and a JSON, urlencoded or multipart body. */
export function parseRequestParams(
  body: Buffer,
  contentType: string | undefined,
  query: URLSearchParams,
): ApiParams {
  const fields = new Map<string, unknown>(query);
  const uploads = new Map<string, UploadedFile>();
  const type = parseHeaderParams(contentType ?? '').value.toLowerCase();
  if (body.length === 0) return new ApiParams(fields, uploads);
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8')) as unknown;
    } catch {
      throw badRequest('invalid JSON in the request body');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw badRequest('the request body must be a JSON object');
    }
    for (const [key, value] of Object.entries(parsed)) fields.set(key, value);
  } else if (type === 'application/x-www-form-urlencoded') {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) fields.set(key, value);
  } else if (type === 'multipart/form-data') {
    const boundary = multipartBoundary(contentType ?? '');
    if (boundary === undefined) throw badRequest('multipart body without a boundary');
    try {
      for (const part of parseMultipart(body, boundary)) {
        if (part.fileName === undefined) {
          fields.set(part.name, part.body.toString('utf8'));
        } else {
          uploads.set(part.name, {
            field: part.name,
            fileName: part.fileName,
            bytes: part.body,
            size: part.body.length,
            ...(part.contentType === undefined ? {} : { mimeType: part.contentType }),
          });
        }
      }
    } catch (error) {
      if (error instanceof MultipartError) throw badRequest(`malformed multipart body: ${error.message}`);
      throw error;
    }
  }
  // Any other type: Telegram ignores the body and reads the query string only.
  return new ApiParams(fields, uploads);
}
