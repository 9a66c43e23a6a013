import { seededRandom } from '../support/fake-telegram/seeded-random.js';
import type {
  DailyReportData,
  DailySeriesPoint,
  MilestoneInfo,
  UnitProgressRow,
} from '../../src/domain/daily-report-data.js';
import { judgeUnit, type ReportTiming } from '../../src/domain/progress.js';
import type { PaceRules } from '../../src/domain/pace.js';
import { closedDay } from '../../src/domain/plan.js';
import { groupRow } from '../../src/domain/report-rows.js';

// A realistic, deterministic picture of Quảng Trị on day 10 of the 20-day campaign: 119 communes in 9
// districts, some missing or late, three without a target. A seeded PRNG keeps every run identical.

/** The 9 districts and their communes (119 in all), names as the units file spells them. */
export const QUANG_TRI_DISTRICTS: ReadonlyArray<{ name: string; communes: readonly string[] }> = [
  {
    name: 'Thành phố Đông Hà',
    communes: [
      'Phường 1',
      'Phường 2',
      'Phường 3',
      'Phường 4',
      'Phường 5',
      'Phường Đông Giang',
      'Phường Đông Lễ',
      'Phường Đông Lương',
      'Phường Đông Thanh',
    ],
  },
  { name: 'Thị xã Quảng Trị', communes: ['Phường 1', 'Phường 2', 'Phường 3', 'Phường An Đôn', 'Xã Hải Lệ'] },
  {
    name: 'Huyện Vĩnh Linh',
    communes: [
      'Thị trấn Hồ Xá',
      'Thị trấn Bến Quan',
      'Thị trấn Cửa Tùng',
      'Xã Vĩnh Thái',
      'Xã Vĩnh Tú',
      'Xã Vĩnh Chấp',
      'Xã Trung Nam',
      'Xã Kim Thạch',
      'Xã Vĩnh Long',
      'Xã Vĩnh Khê',
      'Xã Vĩnh Hòa',
      'Xã Vĩnh Thủy',
      'Xã Vĩnh Lâm',
      'Xã Hiền Thành',
      'Xã Vĩnh Ô',
      'Xã Vĩnh Hà',
      'Xã Vĩnh Sơn',
      'Xã Vĩnh Giang',
    ],
  },
  {
    name: 'Huyện Gio Linh',
    communes: [
      'Thị trấn Gio Linh',
      'Thị trấn Cửa Việt',
      'Xã Trung Giang',
      'Xã Trung Hải',
      'Xã Trung Sơn',
      'Xã Phong Bình',
      'Xã Gio Mỹ',
      'Xã Gio Hải',
      'Xã Gio An',
      'Xã Gio Châu',
      'Xã Gio Việt',
      'Xã Linh Trường',
      'Xã Gio Sơn',
      'Xã Gio Quang',
      'Xã Linh Hải',
    ],
  },
  {
    name: 'Huyện Cam Lộ',
    communes: [
      'Thị trấn Cam Lộ',
      'Xã Cam Tuyền',
      'Xã Cam Thành',
      'Xã Cam Thủy',
      'Xã Thanh An',
      'Xã Cam Chính',
      'Xã Cam Nghĩa',
      'Xã Cam Hiếu',
    ],
  },
  {
    name: 'Huyện Triệu Phong',
    // 'Xã Triệu Độ' arrives decomposed (NFD), as text pasted from some keyboards does.
    communes: [
      'Thị trấn Ái Tử',
      'Xã Triệu An',
      'Xã Triệu Vân',
      'Xã Triệu Phước',
      'Xã Triệu Độ'.normalize('NFD'),
      'Xã Triệu Trạch',
      'Xã Triệu Thuận',
      'Xã Triệu Đại',
      'Xã Triệu Hòa',
      'Xã Triệu Lăng',
      'Xã Triệu Sơn',
      'Xã Triệu Long',
      'Xã Triệu Tài',
      'Xã Triệu Trung',
      'Xã Triệu Ái',
      'Xã Triệu Thượng',
      'Xã Triệu Giang',
    ],
  },
  {
    name: 'Huyện Hải Lăng',
    communes: [
      'Thị trấn Diên Sanh',
      'Xã Hải An',
      'Xã Hải Ba',
      'Xã Hải Quy',
      'Xã Hải Quế',
      'Xã Hải Hưng',
      'Xã Hải Phú',
      'Xã Hải Thượng',
      'Xã Hải Dương',
      'Xã Hải Định',
      'Xã Hải Lâm',
      'Xã Hải Phong',
      'Xã Hải Trường',
      'Xã Hải Sơn',
      'Xã Hải Chánh',
    ],
  },
  {
    name: 'Huyện Đakrông',
    communes: [
      'Thị trấn Krông Klang',
      'Xã Mò Ó',
      'Xã Hướng Hiệp',
      'Xã Đakrông',
      'Xã Ba Lòng',
      'Xã Hải Phúc',
      'Xã Triệu Nguyên',
      'Xã Tà Long',
      'Xã Húc Nghì',
      'Xã A Vao',
      'Xã Tà Rụt',
      'Xã A Bung',
      'Xã A Ngo',
    ],
  },
  {
    name: 'Huyện Hướng Hóa',
    communes: [
      'Thị trấn Khe Sanh',
      'Thị trấn Lao Bảo',
      'Xã Hướng Lập',
      'Xã Hướng Việt',
      'Xã Hướng Phùng',
      'Xã Hướng Sơn',
      'Xã Hướng Linh',
      'Xã Tân Hợp',
      'Xã Hướng Tân',
      'Xã Tân Thành',
      'Xã Tân Long',
      'Xã Tân Lập',
      'Xã Tân Liên',
      'Xã Húc',
      'Xã Thuận',
      'Xã Hướng Lộc',
      'Xã Ba Tầng',
      'Xã Thanh',
      'Xã A Dơi',
    ],
  },
];

/** Communes with no target in the fixture (listed apart, never ranked). */
export const UNTARGETED_COMMUNES: readonly string[] = ['Xã Vĩnh Giang', 'Xã Gio Quang', 'Xã A Ngo'];

const START = '2025-03-01';
const END = '2025-03-20';
const DATE = '2025-03-10';
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** The fixture is the evening of DATE: judged by the domain's one rule, as the services do. */
export const FIXTURE_RULES: PaceRules = {
  calendar: { startDate: START, curve: 'linear' },
  deadline: END,
  thresholds: { behindRatio: 0.9, farBehindRatio: 0.7 },
};
const MOMENT = closedDay(DATE);

/** Local 'YYYY-MM-DD' + 'HH:mm' in Vietnam (UTC+7, no DST) as an instant. */
function vnTime(date: string, hour: number, minute: number): Date {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+07:00`);
}

function rank(rows: UnitProgressRow[]): void {
  const ranked = rows
    .filter((row) => row.completion !== null)
    .sort((a, b) => (b.completion ?? 0) - (a.completion ?? 0));
  ranked.forEach((row, index) => (row.rank = index + 1));
}

function buildCommunes(random: () => number): UnitProgressRow[] {
  const rows: UnitProgressRow[] = [];
  let code = 19141;
  for (const district of QUANG_TRI_DISTRICTS) {
    for (const unitName of district.communes) {
      code += 3;
      const untargeted = UNTARGETED_COMMUNES.includes(unitName);
      const targetBooks = untargeted ? 0 : 8 + Math.floor(random() * 22);
      const targetCases = untargeted ? 0 : Math.round(targetBooks * (80 + random() * 35));
      const roll = random();
      const timing: ReportTiming = roll < 0.07 ? 'missing' : roll < 0.13 ? 'late' : 'on_time';
      const share = 0.08 + random() * 0.72;
      const base = targetCases > 0 ? targetCases : 900 + Math.floor(random() * 600);
      const attached = Math.round(base * share);
      const entered = Math.min(base, Math.round(attached * (1.05 + random() * 0.2)));
      const scanned = Math.min(base, Math.round(entered * (1.05 + random() * 0.25)));
      const attachedChange = timing === 'missing' ? 0 : Math.round(base * (0.01 + random() * 0.06));
      const completion = targetCases > 0 ? attached / targetCases : null;
      const reportDay = timing === 'missing' ? '2025-03-09' : DATE;
      const hour = timing === 'late' ? 17 + Math.floor(random() * 3) : 14 + Math.floor(random() * 3);
      rows.push({
        unitCode: String(code),
        unitName,
        parentName: district.name,
        level: 'commune',
        targetBooks,
        targetCases,
        books: Math.min(targetBooks, Math.round(targetBooks * (0.85 + random() * 0.2))),
        scanned,
        entered,
        attached,
        attachedChange,
        completion,
        rank: null,
        ...judgeUnit(FIXTURE_RULES, MOMENT, attached, targetCases, timing !== 'missing'),
        timing,
        forecasts: {},
        lastReportAt:
          timing === 'missing' && random() < 0.3 ? null : vnTime(reportDay, hour, Math.floor(random() * 60)),
      });
    }
  }
  rank(rows);
  return rows;
}

function aggregateDistricts(communes: readonly UnitProgressRow[]): UnitProgressRow[] {
  const rows = QUANG_TRI_DISTRICTS.map((district, index): UnitProgressRow =>
    groupRow(
      {
        unitCode: String(461 + index),
        unitName: district.name,
        parentName: 'Tỉnh Quảng Trị',
        level: 'district',
      },
      communes.filter((row) => row.parentName === district.name),
      FIXTURE_RULES,
      MOMENT,
    ),
  );
  rank(rows);
  return rows;
}

function buildSeries(totals: { scanned: number; entered: number; attached: number }): DailySeriesPoint[] {
  const points: DailySeriesPoint[] = [];
  for (let day = 0; day <= 9; day += 1) {
    // Slow start (training, first books), then a steady climb; the last point is today's totals.
    const shape = ((day + 1) / 10) ** 1.35;
    const date = `2025-03-${String(day + 1).padStart(2, '0')}`;
    points.push({
      date,
      scanned: Math.round(totals.scanned * shape),
      entered: Math.round(totals.entered * shape ** 1.1),
      attached: Math.round(totals.attached * shape ** 1.2),
    });
  }
  return points;
}

/** The levels of the campaign before 01/07/2025, as a folder without "levels" declares them. */
export const FIXTURE_LEVELS = [
  { code: 'province', name: 'Tỉnh' },
  { code: 'district', name: 'Huyện', longName: 'huyện, thị xã, thành phố' },
  { code: 'commune', name: 'Xã', longName: 'xã, phường, thị trấn' },
] as const;

/** Builds the scope report from its communes and districts, as the summary service would. */
function assemble(
  scopeName: string,
  scopeLevel: 'province' | 'district',
  communes: UnitProgressRow[],
  districts: UnitProgressRow[],
): DailyReportData {
  const sum = (pick: (row: UnitProgressRow) => number): number =>
    communes.reduce((total, row) => total + pick(row), 0);
  const targetCases = sum((row) => row.targetCases);
  const totals = {
    targetBooks: sum((row) => row.targetBooks),
    targetCases,
    books: sum((row) => row.books),
    scanned: sum((row) => row.scanned),
    entered: sum((row) => row.entered),
    attached: sum((row) => row.attached),
    attachedChange: sum((row) => row.attachedChange),
    completion: targetCases > 0 ? sum((row) => row.attached) / targetCases : 0,
  };
  const missingRows = communes.filter((row) => row.timing === 'missing');
  // The evening of 10/03: 10 reporting days left (11/03–20/03).
  const step = (
    code: string,
    title: string,
    metric: MilestoneInfo['metric'],
    done: number,
  ): MilestoneInfo => {
    const remaining = Math.max(0, targetCases - done);
    return {
      code,
      title,
      metric,
      deadline: END,
      state: remaining === 0 ? 'done' : 'open',
      daysLeft: 10,
      daysOverdue: 0,
      target: targetCases,
      remaining,
      neededPerDay: Math.ceil(remaining / 10),
    };
  };
  const milestones: MilestoneInfo[] = [
    {
      code: 'collect',
      title: 'Thu thập, phân loại sổ',
      metric: 'books',
      deadline: '2025-02-25',
      state: 'done',
      daysLeft: 0,
      daysOverdue: 13,
      target: totals.targetBooks,
      remaining: 0,
      neededPerDay: null,
    },
    step('scan', 'Quét từng hồ sơ thành tệp PDF', 'scanned', totals.scanned),
    step('enter', 'Nhập dữ liệu vào phần mềm của Bộ', 'entered', totals.entered),
    step('attach', 'Đính kèm, rà soát, hiệu chỉnh', 'attached', totals.attached),
  ];
  return {
    campaignName: 'Số hóa sổ hộ tịch – Kế hoạch 37/KH-UBND',
    scopeName,
    scopeLevel,
    levels: FIXTURE_LEVELS,
    groupLevel: districts.length > 0 ? (FIXTURE_LEVELS[1] ?? null) : null,
    date: DATE,
    dataAsOf: vnTime(DATE, 17, 0),
    timeZone: TIME_ZONE,
    startDate: START,
    endDate: END,
    plan: { curve: 'linear', deadline: END },
    afterCutoff: true,
    totals,
    reportedOnTime: communes.filter((row) => row.timing === 'on_time').length,
    reportedLate: communes.filter((row) => row.timing === 'late').length,
    missing: missingRows.length,
    unitCount: communes.length,
    missingNames: missingRows.map((row) =>
      scopeLevel === 'province'
        ? `${row.unitName} (${(row.parentName ?? '').replace(/^(Thành phố|Thị xã|Huyện) /, '')})`
        : row.unitName,
    ),
    scopeTotal: groupRow(
      {
        unitCode: scopeLevel === 'province' ? '45' : '464',
        unitName: scopeName,
        parentName: null,
        level: scopeLevel,
      },
      communes,
      FIXTURE_RULES,
      MOMENT,
    ),
    communes,
    groups: districts,
    series: buildSeries(totals),
    milestones,
  };
}

/** The province-wide report for 10/03/2025: 119 communes, 9 districts. */
export function buildProvinceFixture(seed = 20250310): DailyReportData {
  const communes = buildCommunes(seededRandom(seed));
  return assemble('Tỉnh Quảng Trị', 'province', communes, aggregateDistricts(communes));
}

/** One district's report for the same day, re-ranked within the district. */
export function buildDistrictFixture(districtName = 'Huyện Vĩnh Linh', seed = 20250310): DailyReportData {
  const communes = buildCommunes(seededRandom(seed))
    .filter((row) => row.parentName === districtName)
    .map((row) => ({ ...row, rank: null }));
  rank(communes);
  return assemble(districtName, 'district', communes, []);
}
