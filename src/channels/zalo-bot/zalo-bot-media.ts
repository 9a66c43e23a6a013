import type { Clock } from '../../domain/clock.js';
import { outboxMediaUrl } from '../../services/outbox-media.service.js';
import type { MediaSigning } from '../../services/web-media.service.js';

/**
 * Zalo Bot sends images only by a public URL (sendPhoto takes no bytes) and sends no documents at all.
 * The web side publishes an outbox attachment at a signed, expiring address; the lead wires its
 * implementation in. Without one, a chart is announced in text and a document named (see zalo-messages).
 */
export interface ZaloBotMediaLinks {
  /** A public http(s) address Zalo can fetch this file from for at least a few minutes. */
  urlFor(file: {
    readonly outboxId: number;
    /** Position in an album (0 for a single photo or document). */
    readonly index: number;
    readonly fileName: string;
    readonly bytes: Buffer;
  }): Promise<string>;
}

/**
 * The web side's implementation: each file at a signed address valid 48 h (`/m/o/<signed>`, served from
 * the outbox row itself, so nothing is copied). Needs WEB_BASE_URL reachable by Zalo's servers.
 */
export function signedMediaLinks(signing: MediaSigning, clock: Clock): ZaloBotMediaLinks {
  return {
    urlFor: (file) => Promise.resolve(outboxMediaUrl(signing, file, clock.now())),
  };
}
