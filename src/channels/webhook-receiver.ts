/** One raw HTTP request as a webhook receiver sees it: the exact bytes matter for signatures. */
export interface WebhookRequest {
  /** Header names lower-cased, as Node gives them. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly rawBody: Buffer;
}

/** What to answer the platform; receivers answer fast and store the update before answering 200. */
export interface WebhookResponse {
  readonly status: number;
  readonly body?: string;
  readonly contentType?: string;
}

/**
 * A channel's webhook intake, independent of the HTTP framework: the one HTTP server of the process
 * (src/web) mounts every receiver at its path, so Telegram, Zalo Bot and Zalo OA share `PORT` with the
 * web pages, `/healthz` and `/readyz`.
 */
export interface WebhookReceiver {
  /** The path the platform posts to, e.g. '/telegram/<secret-derived>' or '/zalo-oa/webhook'. */
  readonly path: string;
  handle(request: WebhookRequest): Promise<WebhookResponse>;
}
