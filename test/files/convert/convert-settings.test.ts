import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { campaignFileSchema } from '../../../src/config/campaign-schema.js';
import { fileRulesOf } from '../../../src/domain/campaign.js';
import { DEFAULT_CONVERT_STEPS } from '../../../src/domain/convert-steps.js';
import { campaignConvertRules } from '../../../src/services/sample-convert.service.js';

async function campaignJson(): Promise<Record<string, unknown>> {
  const text = await readFile(
    new URL('../../../campaigns/quang-tri-2025/campaign.json', import.meta.url),
    'utf8',
  );
  return JSON.parse(text) as Record<string, unknown>;
}

describe('files.convert in campaign.json', () => {
  it('loads an existing campaign folder with every step on', async () => {
    const parsed = campaignFileSchema.parse(await campaignJson());
    expect(parsed.files.convert).toEqual(DEFAULT_CONVERT_STEPS);
    const rules = campaignConvertRules({ id: 1, code: 'qt', settings: parsed });
    expect(rules).toEqual({ ...fileRulesOf(parsed), steps: DEFAULT_CONVERT_STEPS });
  });

  it('turns single steps off, and refuses a step it does not know', async () => {
    const json = await campaignJson();
    const files = json.files as Record<string, unknown>;
    const parsed = campaignFileSchema.parse({ ...json, files: { ...files, convert: { grayscale: false } } });
    expect(parsed.files.convert).toEqual({ ...DEFAULT_CONVERT_STEPS, grayscale: false });
    const wrong = campaignFileSchema.safeParse({ ...json, files: { ...files, convert: { sharpen: true } } });
    expect(wrong.success).toBe(false);
  });
});
