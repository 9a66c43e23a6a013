import { createServer, type IncomingHttpHeaders, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A POST the fake made to the test's webhook. */
export interface ReceivedPost {
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

/** A tiny loopback HTTP server standing in for the bot's webhook endpoint. */
export interface LocalWebhookServer {
  readonly url: string;
  readonly received: ReceivedPost[];
  close(): Promise<void>;
}

/** Listen on 127.0.0.1; `respond` picks the status for the n-th POST (default 200), unless `handler` takes over. */
export async function startLocalWebhook(
  opts: { respond?: (n: number) => number; handler?: RequestListener; path?: string } = {},
): Promise<LocalWebhookServer> {
  const received: ReceivedPost[] = [];
  const server = createServer(
    opts.handler ??
      ((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          received.push({
            headers: request.headers,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
          });
          response.writeHead(opts.respond?.(received.length) ?? 200);
          response.end();
        });
      }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${opts.path ?? '/hook'}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
