import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCampaignFolder } from '../../src/config/campaign-folder.js';
import { ManualClock } from '../../src/domain/clock.js';
import type { Db } from '../../src/db/database.js';
import type { Role } from '../../src/domain/role.js';
import { loadCampaign } from '../../src/services/campaign-load.service.js';
import { createInvite } from '../../src/services/invite.service.js';

/** The real Quảng Trị campaign folder shipped with the project. */
export const QUANG_TRI_DIR = join(import.meta.dirname, '..', '..', 'campaigns', 'quang-tri-2025');

/** The two-level Quảng Trị campaign (province and communes, after the 2025 reorganisation). */
export const QUANG_TRI_2026_DIR = join(import.meta.dirname, '..', '..', 'campaigns', 'quang-tri-2026');

/** Copies a campaign folder (Quảng Trị unless told) to a temp dir and lets the test edit its files. */
export async function copyCampaign(
  edit?: (files: { json: Record<string, unknown>; csv: string }) => { json?: unknown; csv?: string },
  from = QUANG_TRI_DIR,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sohoa-campaign-'));
  await cp(from, dir, { recursive: true });
  if (edit) {
    const json = JSON.parse(await readFile(join(dir, 'campaign.json'), 'utf8')) as Record<string, unknown>;
    const csv = await readFile(join(dir, 'units.csv'), 'utf8');
    const changed = edit({ json, csv });
    if (changed.json !== undefined) await writeFile(join(dir, 'campaign.json'), JSON.stringify(changed.json));
    if (changed.csv !== undefined) await writeFile(join(dir, 'units.csv'), changed.csv);
  }
  return dir;
}

/** Loads the Quảng Trị campaign into a test database; returns its id. */
export async function loadQuangTri(
  db: Db,
  clock = new ManualClock('2025-02-20T08:00:00+07:00'),
): Promise<number> {
  const result = await loadCampaign(db, await readCampaignFolder(QUANG_TRI_DIR), clock);
  return result.campaignId;
}

/** A fresh single-use invite code to a unit of a campaign, valid for 30 days from the clock's now. */
export async function inviteCode(
  db: Db,
  clock: ManualClock,
  campaignId: number,
  unitCode: string,
  role: Role = 'reporter',
): Promise<string> {
  const invite = await createInvite(
    db,
    { campaignId, unitCode, role, uses: 1, validDays: 30, createdBy: 'test' },
    clock,
  );
  return invite.code;
}
