import { existsSync, readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A static file of the page, read once at start. */
export interface UploadAsset {
  readonly contentType: string;
  readonly body: Buffer;
}

const FILES: Readonly<Record<string, string>> = {
  'upload.js': 'text/javascript; charset=utf-8',
  'upload.css': 'text/css; charset=utf-8',
};

// Built code runs from dist/src/web/upload, where the assets are not copied: they are read from the
// sources' folder then, so there is one copy of them.
function assetsDir(): string {
  const here = fileURLToPath(new URL('./assets/', import.meta.url));
  if (existsSync(here)) return here;
  return here.replace(`${sep}dist${sep}src${sep}`, `${sep}src${sep}`);
}

/** The page's script and style by file name (only these two are served). */
export function loadUploadAssets(): ReadonlyMap<string, UploadAsset> {
  const dir = assetsDir();
  return new Map(
    Object.entries(FILES).map(([name, contentType]) => [
      name,
      { contentType, body: readFileSync(`${dir}${name}`) },
    ]),
  );
}
