import { readFile } from 'node:fs/promises';
import { CampaignFileError } from '../domain/errors.js';
import { configMessages } from '../messages/config-messages.js';

/** Reads an operator's text file (UTF-8); a missing or unreadable one is a CampaignFileError naming it. */
export async function readConfigText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CampaignFileError(
      code === 'ENOENT' ? configMessages.fileNotFound(path) : configMessages.fileUnreadable(path, code),
      path,
    );
  }
}
