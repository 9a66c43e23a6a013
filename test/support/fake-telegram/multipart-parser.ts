/** One part of a multipart/form-data body. */
export interface MultipartPart {
  readonly name: string;
  /** Present (possibly empty) when the part is a file upload. */
  readonly fileName?: string;
  readonly contentType?: string;
  readonly body: Buffer;
}

/** The body is not valid multipart/form-data; the message says where it broke. */
export class MultipartError extends Error {
  override readonly name = 'MultipartError';
}

/** The boundary parameter of a multipart Content-Type header, or undefined. */
export function multipartBoundary(contentType: string): string | undefined {
  const params = parseHeaderParams(contentType);
  if (params.value.toLowerCase() !== 'multipart/form-data') return undefined;
  const boundary = params.params.get('boundary');
  return boundary === undefined || boundary === '' ? undefined : boundary;
}

/**
 * Split a complete multipart/form-data body (RFC 7578). Tolerates a preamble, LF-only line ends,
 * transport padding after delimiters, header folding, no trailing CRLF after the close delimiter
 * (telegraf sends none) and UTF-8 file names.
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  let position = findDelimiter(body, delimiter, 0);
  if (position < 0) throw new MultipartError('no boundary delimiter found');
  const parts: MultipartPart[] = [];
  for (;;) {
    position += delimiter.length;
    if (body[position] === 0x2d && body[position + 1] === 0x2d) return parts; // "--": close delimiter
    while (body[position] === 0x20 || body[position] === 0x09) position += 1;
    if (body[position] === 0x0d) position += 1;
    if (body[position] !== 0x0a)
      throw new MultipartError(`expected a line break after the boundary at byte ${position}`);
    position += 1;
    const headerEnd = findHeaderEnd(body, position);
    if (headerEnd === undefined)
      throw new MultipartError(`part headers starting at byte ${position} never end`);
    const headers = parseHeaders(body.subarray(position, headerEnd.start).toString('utf8'));
    const next = findDelimiter(body, delimiter, headerEnd.bodyStart);
    if (next < 0) throw new MultipartError('the body ends before the closing boundary');
    // The CRLF (or LF) before a delimiter belongs to the delimiter, not to the part's content.
    let contentEnd = next;
    if (body[contentEnd - 1] === 0x0a) contentEnd -= 1;
    if (body[contentEnd - 1] === 0x0d) contentEnd -= 1;
    parts.push(
      toPart(headers, body.subarray(headerEnd.bodyStart, Math.max(contentEnd, headerEnd.bodyStart))),
    );
    position = next;
  }
}

function toPart(headers: Map<string, string>, content: Buffer): MultipartPart {
  const disposition = headers.get('content-disposition');
  if (disposition === undefined) throw new MultipartError('a part has no Content-Disposition header');
  const { params } = parseHeaderParams(disposition);
  const name = params.get('name');
  if (name === undefined) throw new MultipartError('a part has no name');
  const fileName = params.get('filename*') ?? params.get('filename');
  const contentType = headers.get('content-type');
  return {
    name,
    body: Buffer.from(content),
    ...(fileName === undefined ? {} : { fileName }),
    ...(contentType === undefined ? {} : { contentType }),
  };
}

/** A delimiter only counts at the very start or right after a line break. */
function findDelimiter(body: Buffer, delimiter: Buffer, from: number): number {
  let index = body.indexOf(delimiter, from);
  while (index > 0 && body[index - 1] !== 0x0a) index = body.indexOf(delimiter, index + 1);
  return index;
}

function findHeaderEnd(body: Buffer, from: number): { start: number; bodyStart: number } | undefined {
  // A part with no headers at all starts with the empty line itself.
  if (body[from] === 0x0d && body[from + 1] === 0x0a) return { start: from, bodyStart: from + 2 };
  if (body[from] === 0x0a) return { start: from, bodyStart: from + 1 };
  const crlf = body.indexOf('\r\n\r\n', from);
  const lf = body.indexOf('\n\n', from);
  if (crlf >= 0 && (lf < 0 || crlf <= lf)) return { start: crlf, bodyStart: crlf + 4 };
  if (lf >= 0) return { start: lf, bodyStart: lf + 2 };
  return undefined;
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  let last: string | undefined;
  for (const line of block.split(/\r?\n/)) {
    if (line === '') continue;
    if ((line.startsWith(' ') || line.startsWith('\t')) && last !== undefined) {
      headers.set(last, `${headers.get(last) ?? ''} ${line.trim()}`); // obsolete folding
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new MultipartError(`malformed part header "${line}"`);
    last = line.slice(0, colon).trim().toLowerCase();
    headers.set(last, line.slice(colon + 1).trim());
  }
  return headers;
}

/** `value; a=b; c="d \"e\""; f*=UTF-8''%E2%82%AC` → value and decoded, lower-cased-key params. */
export function parseHeaderParams(header: string): { value: string; params: Map<string, string> } {
  const params = new Map<string, string>();
  const semicolon = header.indexOf(';');
  const value = (semicolon < 0 ? header : header.slice(0, semicolon)).trim();
  let i = semicolon < 0 ? header.length : semicolon + 1;
  while (i < header.length) {
    while (header[i] === ' ' || header[i] === '\t' || header[i] === ';') i += 1;
    const eq = header.indexOf('=', i);
    if (eq < 0) break;
    const key = header.slice(i, eq).trim().toLowerCase();
    i = eq + 1;
    let raw = '';
    if (header[i] === '"') {
      i += 1;
      // A quote that is not followed by ";" or the end is part of the value: telegraf writes file
      // names into the header unescaped, so `filename="a "b".pdf"` must still yield `a "b".pdf`.
      while (i < header.length && !(header[i] === '"' && /^"\s*(;|$)/.test(header.slice(i)))) {
        if (header[i] === '\\' && i + 1 < header.length) i += 1;
        raw += header[i];
        i += 1;
      }
      i += 1;
    } else {
      const end = header.indexOf(';', i);
      raw = header.slice(i, end < 0 ? header.length : end).trim();
      i = end < 0 ? header.length : end;
    }
    params.set(key, key.endsWith('*') ? decodeExtendedValue(raw) : raw);
  }
  return { value, params };
}

/** RFC 8187 `charset'lang'percent-encoded`; only UTF-8 and Latin-1 occur in practice. */
function decodeExtendedValue(raw: string): string {
  const match = /^([^']*)'[^']*'(.*)$/.exec(raw);
  if (match === null) return raw;
  const bytes = Buffer.from(
    (match[2] ?? '').replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    ),
    'latin1',
  );
  return (match[1] ?? '').toLowerCase() === 'iso-8859-1' ? bytes.toString('latin1') : bytes.toString('utf8');
}
