import { z } from 'zod';
import { CampaignFileError } from '../domain/errors.js';
import {
  COMMUNE_LEVEL,
  PROVINCE_LEVEL,
  levelAbove,
  levelOf,
  type LevelDefinition,
  type UnitDefinition,
} from '../domain/unit.js';
import { parseCsv } from './csv-parser.js';
import { parseCsvRecord } from './csv-record.js';
import './zod-locale.js';
import { CONFIG_RULES, configMessages } from '../messages/config-messages.js';

/** The columns of a campaign's `units.csv`, in order. */
export const UNITS_CSV_COLUMNS = [
  'code',
  'name',
  'type',
  'level',
  'parent_code',
  'target_books',
  'target_cases',
] as const;

// Empty = no target; otherwise digits only (a "1.540" or "-5" is a typo, not a number to guess at).
const count = z
  .string()
  .regex(/^\d*$/, CONFIG_RULES.count)
  .transform((v) => (v === '' ? '' : Number(v)));

function rowSchemaOf(levels: readonly LevelDefinition[]) {
  const codes = levels.map((l) => l.code);
  return z.object({
    code: z.string().regex(/^\d{2,5}$/, CONFIG_RULES.unitCode),
    name: z.string().min(1, CONFIG_RULES.required),
    type: z.string().min(1, CONFIG_RULES.required),
    level: z.string().refine((v) => codes.includes(v), CONFIG_RULES.level(codes)),
    parent_code: z.string(),
    target_books: count,
    target_cases: count,
  });
}

/** What `parseUnitsCsv` checks beyond the cells: the campaign's levels, and whether every commune needs a target. */
export interface UnitsCsvRules {
  readonly provinceCode: string;
  readonly levels: readonly LevelDefinition[];
  readonly requireTargets: boolean;
}

/** Parses and validates `units.csv`; throws a CampaignFileError naming the row and field. */
export function parseUnitsCsv(text: string, file: string, rules: UnitsCsvRules): UnitDefinition[] {
  const rowSchema = rowSchemaOf(rules.levels);
  const { header, records } = parseCsv(text);
  const missing = UNITS_CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new CampaignFileError(configMessages.missingColumns(file, missing), file, 1);
  }
  const units: UnitDefinition[] = [];
  const byCode = new Map<string, { unit: UnitDefinition; line: number }>();
  for (const { line, values } of records) {
    const row = parseCsvRecord(rowSchema, values, file, line);
    const fail = (field: string, message: string): never => {
      throw new CampaignFileError(configMessages.cell(file, line, field, message), file, line, field);
    };
    const earlier = byCode.get(row.code);
    if (earlier) fail('code', CONFIG_RULES.duplicateUnit(row.code, earlier.line));
    const hasTarget = row.target_books !== '' || row.target_cases !== '';
    if (hasTarget && row.level !== COMMUNE_LEVEL) {
      fail('target_books', CONFIG_RULES.targetOnCommunes);
    }
    if (hasTarget && (row.target_books === '' || row.target_cases === '')) {
      fail(row.target_books === '' ? 'target_books' : 'target_cases', CONFIG_RULES.bothTargets);
    }
    const unit: UnitDefinition = {
      code: row.code,
      name: row.name.normalize('NFC'),
      type: row.type.normalize('NFC'),
      level: row.level,
      parentCode: row.parent_code === '' ? null : row.parent_code,
      target:
        hasTarget && row.target_books !== '' && row.target_cases !== ''
          ? { books: row.target_books, cases: row.target_cases }
          : null,
    };
    byCode.set(unit.code, { unit, line });
    units.push(unit);
  }
  validateTree(units, byCode, file, rules);
  if (rules.requireTargets) requireTargets(units, file);
  return units;
}

// One error naming every commune still without a target, so the province fills them in one pass.
function requireTargets(units: readonly UnitDefinition[], file: string): void {
  const missing = units.filter((u) => u.level === COMMUNE_LEVEL && u.target === null);
  if (missing.length > 0) {
    throw new CampaignFileError(
      configMessages.missingTargets(
        file,
        missing.map((u) => `${u.code} ${u.name}`),
      ),
      file,
      undefined,
      'target_books',
    );
  }
}

function validateTree(
  units: UnitDefinition[],
  byCode: Map<string, { unit: UnitDefinition; line: number }>,
  file: string,
  { provinceCode, levels }: UnitsCsvRules,
): void {
  const provinces = units.filter((u) => u.level === PROVINCE_LEVEL);
  if (provinces.length !== 1 || provinces[0]?.code !== provinceCode) {
    throw new CampaignFileError(configMessages.oneProvince(file, provinceCode), file);
  }
  for (const unit of units) {
    const line = byCode.get(unit.code)?.line;
    const expected = levelAbove(levels, unit.level);
    if (expected === null) {
      if (unit.parentCode !== null) {
        throw new CampaignFileError(configMessages.provinceHasParent(file, line), file, line, 'parent_code');
      }
      continue;
    }
    const parent = unit.parentCode === null ? undefined : byCode.get(unit.parentCode)?.unit;
    if (!parent) {
      throw new CampaignFileError(
        configMessages.parentNotFound(file, line, unit.parentCode ?? ''),
        file,
        line,
        'parent_code',
      );
    }
    if (parent.level !== expected.code) {
      throw new CampaignFileError(
        configMessages.parentLevel(
          file,
          line,
          `${unit.code} ${unit.name}`,
          levelOf(levels, unit.level).name,
          expected.name,
          `${parent.code} ${parent.name}`,
          levelOf(levels, parent.level).name,
        ),
        file,
        line,
        'parent_code',
      );
    }
  }
}
