import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ZaloBotMediaLinks } from '../../../src/channels/zalo-bot/zalo-bot-media.js';

/**
 * A stand-in for the web side's signed media addresses: publishes outbox attachments on 127.0.0.1 so
 * the fake Zalo server can fetch them as Zalo would. `expire()` makes every address answer 404.
 */
export class MediaHost implements ZaloBotMediaLinks {
  readonly #files = new Map<string, Buffer>();
  #server: Server | undefined;

  async listen(): Promise<this> {
    this.#server = createServer((req, res) => {
      const bytes = this.#files.get(req.url ?? '');
      if (!bytes) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': bytes.length }).end(bytes);
    });
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    return this;
  }

  async urlFor(file: { outboxId: number; index: number; fileName: string; bytes: Buffer }): Promise<string> {
    const path = `/media/${file.outboxId}/${file.index}/${encodeURIComponent(file.fileName)}`;
    this.#files.set(path, file.bytes);
    const { port } = this.#server?.address() as AddressInfo;
    return `http://127.0.0.1:${port}${path}`;
  }

  expire(): void {
    this.#files.clear();
  }

  async close(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
