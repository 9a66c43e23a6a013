import { z } from 'zod';
import { CampaignFileError } from '../domain/errors.js';
import { readConfigText } from './config-text-file.js';
import type { UnitMappingLine } from '../domain/unit-mapping.js';
import { parseCsv } from './csv-parser.js';
import { parseCsvRecord } from './csv-record.js';
import './zod-locale.js';
import { configMessages } from '../messages/config-messages.js';
import { reorgFileMessages } from '../messages/reorg-messages.js';

/** The columns of a mapping file; `share` may be left out entirely when every old unit went whole. */
export const UNIT_MAPPING_COLUMNS = ['old_code', 'new_code', 'share'] as const;

const code = z.string().regex(/^\d{2,5}$/, reorgFileMessages.unitCode);

// A share is a fraction in (0, 1]: "0.4", or "0,4" quoted as the Vietnamese write it; empty = whole.
const share = z
  .string()
  .transform((v) => v.replace(',', '.'))
  .refine((v) => v === '' || /^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(v), reorgFileMessages.share)
  .transform((v) => (v === '' ? null : Number(v)))
  .refine((v) => v === null || (v > 0 && v <= 1), reorgFileMessages.share);

const rowSchema = z.object({ old_code: code, new_code: code, share });

/**
 * Parses a reorganisation's mapping file (`old_code,new_code[,share]`, one line per old unit that went
 * whole, several lines with shares for one that was split). Only the file's own form is checked here:
 * whether the codes exist and the shares add up needs the campaign (src/domain/unit-mapping.ts).
 */
export function parseUnitMappingCsv(text: string, file: string): UnitMappingLine[] {
  const { header, records } = parseCsv(text);
  const missing = UNIT_MAPPING_COLUMNS.slice(0, 2).filter((c) => !header.includes(c));
  if (missing.length > 0) throw new CampaignFileError(configMessages.missingColumns(file, missing), file, 1);
  const lines: UnitMappingLine[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of records) {
    const {
      old_code: oldCode,
      new_code: newCode,
      share: part,
    } = parseCsvRecord(rowSchema, { share: '', ...values }, file, line);
    const pair = `${oldCode}→${newCode}`;
    const earlier = seen.get(pair);
    if (earlier !== undefined) {
      throw new CampaignFileError(
        configMessages.cell(
          file,
          line,
          'new_code',
          reorgFileMessages.duplicatePair(oldCode, newCode, earlier),
        ),
        file,
        line,
        'new_code',
      );
    }
    seen.set(pair, line);
    lines.push({ oldCode, newCode, share: part, line });
  }
  if (lines.length === 0) throw new CampaignFileError(reorgFileMessages.empty(file), file, 1);
  return lines;
}

/** Reads and parses a mapping file; a missing or unreadable file names its path. */
export async function readUnitMappingFile(path: string): Promise<UnitMappingLine[]> {
  return parseUnitMappingCsv(await readConfigText(path), path);
}
