import { z } from 'zod';
import { CampaignFileError } from '../domain/errors.js';
import type { UnitDefinition, UnitLevel } from '../domain/unit.js';
import { parseCsv } from './csv-parser.js';
import './zod-locale.js';

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
  .regex(/^\d*$/, 'phải là số nguyên không âm (không có dấu chấm, dấu phẩy hay dấu trừ)')
  .transform((v) => (v === '' ? '' : Number(v)));

const rowSchema = z.object({
  code: z.string().regex(/^\d{2,5}$/, 'phải là mã đơn vị hành chính gồm 2–5 chữ số'),
  name: z.string().min(1, 'không được để trống'),
  type: z.string().min(1, 'không được để trống'),
  level: z.enum(['province', 'district', 'commune'], 'phải là province, district hoặc commune'),
  parent_code: z.string(),
  target_books: count,
  target_cases: count,
});

const PARENT_LEVEL: Record<UnitLevel, UnitLevel | null> = {
  province: null,
  district: 'province',
  commune: 'district',
};

/** Parses and validates `units.csv`; throws a CampaignFileError naming the row and field. */
export function parseUnitsCsv(text: string, file: string, provinceCode: string): UnitDefinition[] {
  const { header, records } = parseCsv(text);
  const missing = UNITS_CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new CampaignFileError(`${file}: thiếu cột ${missing.join(', ')} ở dòng tiêu đề.`, file, 1);
  }
  const units: UnitDefinition[] = [];
  const byCode = new Map<string, { unit: UnitDefinition; line: number }>();
  for (const { line, values } of records) {
    const parsed = rowSchema.safeParse(values);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue?.path[0] ?? '');
      throw new CampaignFileError(
        `${file} dòng ${line}, cột ${field} ("${values[field] ?? ''}"): ${issue?.message ?? 'không hợp lệ'}.`,
        file,
        line,
        field,
      );
    }
    const row = parsed.data;
    const fail = (field: string, message: string): never => {
      throw new CampaignFileError(`${file} dòng ${line}, cột ${field}: ${message}.`, file, line, field);
    };
    const earlier = byCode.get(row.code);
    if (earlier) fail('code', `mã ${row.code} bị trùng với dòng ${earlier.line}`);
    const hasTarget = row.target_books !== '' || row.target_cases !== '';
    if (hasTarget && row.level !== 'commune') {
      fail('target_books', 'chỉ tiêu chỉ đặt cho cấp xã; cấp huyện và tỉnh được cộng từ các xã');
    }
    if (hasTarget && (row.target_books === '' || row.target_cases === '')) {
      fail(row.target_books === '' ? 'target_books' : 'target_cases', 'cần cả số sổ và số trường hợp');
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
  validateTree(units, byCode, file, provinceCode);
  return units;
}

function validateTree(
  units: UnitDefinition[],
  byCode: Map<string, { unit: UnitDefinition; line: number }>,
  file: string,
  provinceCode: string,
): void {
  const provinces = units.filter((u) => u.level === 'province');
  if (provinces.length !== 1 || provinces[0]?.code !== provinceCode) {
    throw new CampaignFileError(
      `${file}: cần đúng một dòng cấp province có mã ${provinceCode} (mã tỉnh trong campaign.json).`,
      file,
    );
  }
  for (const unit of units) {
    const line = byCode.get(unit.code)?.line;
    const expected = PARENT_LEVEL[unit.level];
    if (expected === null) {
      if (unit.parentCode !== null) {
        throw new CampaignFileError(
          `${file} dòng ${line}, cột parent_code: cấp tỉnh không có đơn vị cha.`,
          file,
          line,
          'parent_code',
        );
      }
      continue;
    }
    const parent = unit.parentCode === null ? undefined : byCode.get(unit.parentCode)?.unit;
    if (!parent) {
      throw new CampaignFileError(
        `${file} dòng ${line}, cột parent_code: không tìm thấy đơn vị cha "${unit.parentCode ?? ''}" trong tệp.`,
        file,
        line,
        'parent_code',
      );
    }
    if (parent.level !== expected) {
      throw new CampaignFileError(
        `${file} dòng ${line}, cột parent_code: đơn vị cha của cấp ${unit.level} phải là cấp ${expected}, không phải ${parent.level}.`,
        file,
        line,
        'parent_code',
      );
    }
  }
}
