import { webPageMessages as m } from '../messages/web-page-messages.js';
import { html, type SafeHtml } from './html.js';

/** A whole page: the one stylesheet and script of the site, no inline code (the CSP forbids it). */
export function pageLayout(title: string, body: SafeHtml, options: { refreshTo?: string } = {}): string {
  return html`<!doctype html>
    <html lang="${m.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <link rel="icon" href="data:," />
        ${options.refreshTo ? html`<meta http-equiv="refresh" content="0; url=${options.refreshTo}" />` : ''}
        <title>${title} — ${m.appName}</title>
        <link rel="stylesheet" href="/tai-nguyen/dashboard.css" />
        <script src="/tai-nguyen/dashboard.js" defer></script>
      </head>
      <body>
        <header class="top"><a href="/">${m.appName}</a></header>
        <main>${body}</main>
      </body>
    </html> `.value;
}

/** A page with a heading and one paragraph: refusals, errors, confirmations. */
export function noticePage(title: string, text: string, link?: { href: string; label: string }): string {
  return pageLayout(
    title,
    html`<section class="notice">
      <h1>${title}</h1>
      <p>${text}</p>
      ${link ? html`<p><a class="button" href="${link.href}">${link.label}</a></p>` : ''}
    </section>`,
  );
}
