import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { FileRules } from '../domain/file-rules.js';
import { DEFAULT_FILE_RULES } from './file-rules.js';

/**
 * The fields of campaign.json's `files` section that the inspector reads; each is optional and overrides
 * the default. Constraints match src/config/campaign-schema.ts, but other keys (nameRule, retentionDays…)
 * are ignored, so `sohoa check --campaign` works on a campaign folder whatever else it holds.
 */
export const campaignFileRulesSchema = z.object({
  maxBytes: z.int().positive().optional(),
  minDpi: z.int().positive().optional(),
  minYear: z.int().min(1800).optional(),
  blankInkPercent: z.number().min(0).max(100).optional(),
  typeCodes: z.record(z.string().regex(/^[A-Z]{2,6}$/), z.string().min(1)).optional(),
});

/** File rules read from a campaign folder, or why they could not be. */
export type CampaignFileRulesResult =
  | { readonly ok: true; readonly rules: FileRules; readonly path: string }
  | {
      readonly ok: false;
      readonly reason: 'missing' | 'invalid';
      readonly path: string;
      readonly detail: string;
    };

/** The campaign's file rules: DEFAULT_FILE_RULES overridden by the fields of `files` that campaign.json sets. */
export function fileRulesFromCampaign(json: unknown): FileRules | z.ZodError {
  const section =
    typeof json === 'object' && json !== null && 'files' in json
      ? (json as { files: unknown }).files
      : undefined;
  if (section === undefined) return DEFAULT_FILE_RULES;
  const parsed = campaignFileRulesSchema.safeParse(section);
  if (!parsed.success) return parsed.error;
  const { typeCodes, ...limits } = parsed.data;
  return Object.freeze({
    ...DEFAULT_FILE_RULES,
    ...Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined)),
    ...(typeCodes === undefined ? {} : { typeCodes: Object.freeze(typeCodes) }),
  });
}

/** Reads `<dir>/campaign.json` and derives its file rules. */
export async function loadCampaignFileRules(dir: string): Promise<CampaignFileRulesResult> {
  const path = join(dir, 'campaign.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { ok: false, reason: 'missing', path, detail: '' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'invalid', path, detail: error instanceof Error ? error.message : 'JSON' };
  }
  const rules = fileRulesFromCampaign(json);
  if (rules instanceof z.ZodError) {
    const fields = [...new Set(rules.issues.map((issue) => ['files', ...issue.path.map(String)].join('.')))];
    return { ok: false, reason: 'invalid', path, detail: fields.join(', ') };
  }
  return { ok: true, rules, path };
}
