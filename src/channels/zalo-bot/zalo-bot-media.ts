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
