import type { SampleFile } from './sample-scan-builder.js';

/** The personal link (`…/l/<token>`, with its landing page) in a text the bot sent, if there is one. */
export function personalLinkIn(text: string, baseUrl: string): string | undefined {
  const escaped = baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escaped}/l/[A-Za-z0-9_-]+(?:\\?[^\\s)»]*)?`).exec(text)?.[0];
}

/** What a visit to the upload page came to: the HTTP status of each step that answered. */
export type UploadVisit =
  /** `statuses`: the verdict of each file as the page marks its result rows (`data-status`). */
  | { readonly kind: 'uploaded'; readonly statuses: readonly string[] }
  | { readonly kind: 'failed'; readonly step: string; readonly status: number };

/**
 * What a commune official on Zalo does with the link the bot sent when Zalo would not pass a file on:
 * opens it (the first visit trades the link for a session cookie), opens the upload page, and sends the
 * file with the page's form. The check's verdict is stored by the service like one made in a chat.
 */
export async function uploadThroughLink(link: string, file: SampleFile): Promise<UploadVisit> {
  const base = new URL(link).origin;
  const opened = await fetch(link, { redirect: 'manual' });
  await opened.arrayBuffer();
  const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (opened.status >= 400 || cookie === '') return { kind: 'failed', step: 'link', status: opened.status };
  const page = await fetch(`${base}/tai-len`, { headers: { cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!page.ok || csrf === undefined) return { kind: 'failed', step: 'page', status: page.status };
  const form = new FormData();
  form.set('_csrf', csrf);
  form.set('tep', new Blob([new Uint8Array(file.bytes)], { type: file.mimeType }), file.fileName);
  const upload = await fetch(`${base}/tai-len/tep`, {
    method: 'POST',
    headers: { cookie, accept: 'application/json' },
    body: form,
  });
  if (!upload.ok) {
    await upload.arrayBuffer();
    return { kind: 'failed', step: 'upload', status: upload.status };
  }
  const { html } = (await upload.json()) as { html?: unknown };
  const statuses = [...String(html ?? '').matchAll(/data-status="([a-z_]+)"/g)].map((m) => m[1] ?? '');
  return { kind: 'uploaded', statuses };
}
