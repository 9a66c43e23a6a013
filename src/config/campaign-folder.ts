import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CampaignFileError } from '../domain/errors.js';
import type { CampaignDefinition } from '../domain/campaign.js';
import type { CampaignFile } from '../domain/campaign-file.js';
import { campaignFileSchema } from './campaign-schema.js';
import { parseUnitsCsv } from './units-file.js';
import { configMessages } from '../messages/config-messages.js';

async function readText(path: string): Promise<string> {
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

/** Parses `campaign.json` text; throws a CampaignFileError naming the field. */
export function parseCampaignJson(text: string, file: string): CampaignFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CampaignFileError(configMessages.notJson(file, (error as Error).message), file);
  }
  const parsed = campaignFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = (issue?.path ?? []).join('.');
    throw new CampaignFileError(
      configMessages.jsonField(file, field, issue?.message ?? configMessages.invalid),
      file,
      undefined,
      field,
    );
  }
  return parsed.data;
}

/** Reads and validates a campaign folder (`campaign.json` + `units.csv`). Touches no database. */
export async function readCampaignFolder(dir: string): Promise<CampaignDefinition> {
  const jsonPath = join(dir, 'campaign.json');
  const csvPath = join(dir, 'units.csv');
  const campaign = parseCampaignJson(await readText(jsonPath), jsonPath);
  const units = parseUnitsCsv(await readText(csvPath), csvPath, campaign.province.code);
  return { campaign, units };
}
