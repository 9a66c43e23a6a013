import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CampaignFileError } from '../domain/errors.js';
import type { CampaignDefinition } from '../domain/campaign.js';
import type { CampaignFile } from '../domain/campaign-file.js';
import { campaignFileSchema } from './campaign-schema.js';
import { readConfigText } from './config-text-file.js';
import { parseUnitsCsv } from './units-file.js';
import { configMessages } from '../messages/config-messages.js';

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
  const campaign = parseCampaignJson(await readConfigText(jsonPath), jsonPath);
  const units = parseUnitsCsv(await readConfigText(csvPath), csvPath, {
    provinceCode: campaign.province.code,
    levels: campaign.levels,
    requireTargets: campaign.requireTargets,
  });
  return { campaign, units };
}

/** The separator of several folders in CAMPAIGN_DIR (a comma: never part of a folder name we ship). */
export const CAMPAIGN_DIR_SEPARATOR = ',';

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

async function hasCampaignJson(dir: string): Promise<boolean> {
  return stat(join(dir, 'campaign.json')).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * The campaign folders CAMPAIGN_DIR names: one folder, several separated by commas, or a folder of
 * campaign folders (each subfolder with a campaign.json, in name order). The order is kept: the first
 * campaign is the deployment's default (it answers people who have not joined any campaign yet).
 */
export async function campaignDirsOf(value: string): Promise<string[]> {
  const entries = value
    .split(CAMPAIGN_DIR_SEPARATOR)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) throw new CampaignFileError(configMessages.campaignDirListEmpty, value);
  const dirs: string[] = [];
  for (const entry of entries) {
    if (!(await isDirectory(entry)))
      throw new CampaignFileError(configMessages.campaignDirMissing(entry), entry);
    if (await hasCampaignJson(entry)) {
      dirs.push(entry);
      continue;
    }
    const children = (await readdir(entry, { withFileTypes: true }))
      .filter((child) => child.isDirectory())
      .map((child) => join(entry, child.name))
      .sort();
    const campaigns = [];
    for (const child of children) if (await hasCampaignJson(child)) campaigns.push(child);
    if (campaigns.length === 0) throw new CampaignFileError(configMessages.campaignDirEmpty(entry), entry);
    dirs.push(...campaigns);
  }
  return [...new Set(dirs)];
}

/** Reads every campaign folder CAMPAIGN_DIR names; two folders with one campaign code are refused. */
export async function readCampaignFolders(
  value: string,
): Promise<{ readonly dir: string; readonly definition: CampaignDefinition }[]> {
  const read: { readonly dir: string; readonly definition: CampaignDefinition }[] = [];
  for (const dir of await campaignDirsOf(value)) {
    const definition = await readCampaignFolder(dir);
    const twin = read.find((r) => r.definition.campaign.code === definition.campaign.code);
    if (twin) {
      throw new CampaignFileError(
        configMessages.campaignCodeTwice(definition.campaign.code, twin.dir, dir),
        join(dir, 'campaign.json'),
        undefined,
        'code',
      );
    }
    read.push({ dir, definition });
  }
  return read;
}
