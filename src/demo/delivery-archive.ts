import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { localDate } from '../domain/local-time.js';
import type { FileKeeper } from './chat-log.js';

/** The folder, under the output folder, that holds what each group received each day. */
export const DAYS_FOLDER = 'ngay';

/**
 * Saves each file the bot delivered to a group as `ngay/<date>/<group>/<NN>-<name>`, numbered in the
 * order the group received them. The bytes come from the fake Telegram's record of the upload: what
 * is on disk is what was delivered.
 */
export function groupFileKeeper(outDir: string, timeZone: string): FileKeeper {
  const counters = new Map<string, number>();
  return async (chat, at, file) => {
    const folder = join(DAYS_FOLDER, localDate(at, timeZone), chat.slug);
    const n = (counters.get(folder) ?? 0) + 1;
    counters.set(folder, n);
    const relative = join(folder, `${String(n).padStart(2, '0')}-${file.fileName}`);
    await mkdir(join(outDir, folder), { recursive: true });
    await writeFile(join(outDir, relative), file.bytes);
    return relative.split('\\').join('/');
  };
}
