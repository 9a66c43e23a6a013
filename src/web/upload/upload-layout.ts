import { escapeHtml as h } from './html-escape.js';

/** Where the page's script and style are served (see upload-assets.ts). */
export const ASSET_PATH = '/tai-len/tai-nguyen';

/** The page's frame: its style and script, and a body. */
export function layout(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="vi">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(title)}</title>`,
    `<link rel="stylesheet" href="${ASSET_PATH}/upload.css">`,
    `<script src="${ASSET_PATH}/upload.js" defer></script>`,
    '</head>',
    `<body><main class="page">${body}</main></body>`,
    '</html>',
  ].join('\n');
}
