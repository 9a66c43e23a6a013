import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  multipartBoundary,
  parseMultipart,
  parseHeaderParams,
} from '../support/fake-telegram/multipart-parser.js';
import { startFakeBotApi } from '../support/fake-telegram/index.js';

const b = 'XyZ';

describe('parseMultipart', () => {
  it('splits fields and files, keeping binary content exact', () => {
    const binary = Buffer.from([0, 13, 10, 45, 45, 255, 13, 10]); // CRLF and "--" inside the content
    const body = Buffer.concat([
      Buffer.from(
        `preamble\r\n--${b}\r\ncontent-disposition:form-data; name="chat_id"\r\n\r\n42\r\n--${b}\r\n`,
      ),
      Buffer.from(
        `Content-Disposition: form-data; name="document"; filename="Sổ hộ tịch.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      binary,
      Buffer.from(`\r\n--${b}--`), // telegraf sends no CRLF after the close delimiter
    ]);
    const parts = parseMultipart(body, b);
    expect(parts.map((p) => [p.name, p.fileName, p.contentType])).toEqual([
      ['chat_id', undefined, undefined],
      ['document', 'Sổ hộ tịch.pdf', 'application/pdf'],
    ]);
    expect(parts[0]?.body.toString()).toBe('42');
    expect(parts[1]?.body.equals(binary)).toBe(true);
  });

  it('accepts LF-only line ends, empty parts, padding and RFC 8187 file names', () => {
    const body = Buffer.from(
      `--${b}  \nContent-Disposition: form-data; name="empty"\n\n\n--${b}\nContent-Disposition: form-data; name="f"; filename="x"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o.pdf\n\nabc\n--${b}--\r\n`,
    );
    const parts = parseMultipart(body, b);
    expect(parts.map((p) => [p.name, p.fileName, p.body.toString()])).toEqual([
      ['empty', undefined, ''],
      ['f', 'Báo cáo.pdf', 'abc'],
    ]);
  });

  it('fails clearly on truncated bodies and missing names', () => {
    expect(() =>
      parseMultipart(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="a"\r\n\r\nabc`), b),
    ).toThrow(/ends before the closing boundary/);
    expect(() =>
      parseMultipart(Buffer.from(`--${b}\r\nContent-Type: text/plain\r\n\r\nabc\r\n--${b}--`), b),
    ).toThrow(/no Content-Disposition/);
    expect(() => parseMultipart(Buffer.from('nothing'), b)).toThrow(/no boundary/);
  });

  it('reads boundaries and header parameters, quoted or not', () => {
    expect(multipartBoundary('multipart/form-data; boundary="a b;c"')).toBe('a b;c');
    expect(multipartBoundary('Multipart/Form-Data;boundary=abc')).toBe('abc');
    expect(multipartBoundary('application/json')).toBeUndefined();
    expect(parseHeaderParams('form-data; name="q\\"x"; filename="a "b".pdf"').params).toEqual(
      new Map([
        ['name', 'q"x'],
        ['filename', 'a "b".pdf'],
      ]),
    );
  });
});

describe('multipart over a raw chunked HTTP request', () => {
  it('parses a body sent with Transfer-Encoding: chunked in small pieces', async () => {
    const api = await startFakeBotApi();
    try {
      api.registerChat({ id: 5, type: 'private', first_name: 'E' });
      const bytes = Buffer.alloc(70_000, 7);
      const head = Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="chat_id"\r\n\r\n5\r\n--${b}\r\nContent-Disposition: form-data; name="document"; filename="a.zip"\r\n\r\n`,
      );
      const body = Buffer.concat([head, bytes, Buffer.from(`\r\n--${b}--\r\n`)]);
      const status = await new Promise<number>((resolve, reject) => {
        const url = new URL(`${api.apiRoot}/bot${api.token}/sendDocument`);
        const req = request(
          url,
          { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${b}` } },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        for (let i = 0; i < body.length; i += 997) req.write(body.subarray(i, i + 997));
        req.end();
      });
      expect(status).toBe(200);
      const call = api.sent.at(-1);
      expect(call?.files[0]?.bytes.equals(bytes)).toBe(true);
      expect(call?.result).toMatchObject({
        document: { file_name: 'a.zip', mime_type: 'application/zip', file_size: 70_000 },
      });
    } finally {
      await api.close();
    }
  });
});
