import { baseName } from './file-name-rule.js';

const SYSTEM_NAMES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini', 'ehthumbs.db']);

/**
 * True for files operating systems add on their own (Finder's `__MACOSX/` and `._x` forks, Windows'
 * `Thumbs.db`): a bulk check skips them instead of reporting them as badly named non-PDFs.
 */
export function isSystemFile(path: string): boolean {
  const base = baseName(path);
  return (
    SYSTEM_NAMES.has(base.toLowerCase()) || base.startsWith('._') || /(^|[/\\])__MACOSX([/\\]|$)/.test(path)
  );
}
