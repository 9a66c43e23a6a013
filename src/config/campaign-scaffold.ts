import { METRIC_CODES, type CampaignFile } from '../domain/campaign-file.js';
import { spreadDeadlines } from '../domain/milestone-spread.js';
import type { LevelDefinition } from '../domain/unit.js';
import { fileSlug } from '../domain/file-slug.js';
import {
  DEFAULT_METRICS,
  DEFAULT_STEPS,
  DEFAULT_TYPE_CODES,
  campaignInitMessages,
  type TargetsNote,
} from '../messages/campaign-init-messages.js';
import { KNOWN_LEVELS, TWO_LEVELS } from '../messages/unit-label-messages.js';
import {
  buildTwoLevelUnitsCsv,
  buildUnitsCsv,
  officialListLevels,
  provinceNameIn,
  type UnitTarget,
} from './units-from-official-list.js';

/** What `sohoa campaign init` was asked for. */
export interface ScaffoldRequest {
  readonly officialCsv: string;
  /** How the README names the list, e.g. "01/07/2025 (reference/vn-units-2025-07-01.csv)". */
  readonly listName: string;
  readonly provinceCode: string;
  readonly start: string;
  readonly end: string;
  readonly code?: string;
  readonly name?: string;
  /** The folder as the README's commands write it. */
  readonly dir: string;
  /** The command that made the folder, recorded in its README. */
  readonly command: string;
  /** Targets by unit code (two-level lists only), and how they were made, for the README. */
  readonly targets?: { readonly byCode: ReadonlyMap<string, UnitTarget>; readonly note: TargetsNote };
}

/** A scaffolded campaign folder: its three files' contents. */
export interface ScaffoldedCampaign {
  /** The JSON as written: levels by code where the default names fit, no defaults spelled out. */
  readonly campaignJson: Record<string, unknown>;
  readonly unitsCsv: string;
  readonly readme: string;
  readonly unitCount: number;
  readonly levels: readonly LevelDefinition[];
}

/** The outcome: a folder, or the province is not in the list. */
export type ScaffoldResult =
  | { readonly kind: 'scaffolded'; readonly campaign: ScaffoldedCampaign }
  | { readonly kind: 'unknown_province' };

/**
 * The files of a new campaign for one province from an official list: settings with the usual figures,
 * steps whose deadlines are spread over the dates (domain/milestone-spread.ts), `"requireTargets": true`,
 * and `units.csv` with the targets given (empty otherwise, for the province to fill).
 */
export function scaffoldCampaign(request: ScaffoldRequest): ScaffoldResult {
  const provinceName = provinceNameIn(request.officialCsv, request.provinceCode);
  if (provinceName === undefined) return { kind: 'unknown_province' };
  const twoLevels = officialListLevels(request.officialCsv) === 'two';
  const levels: readonly LevelDefinition[] = twoLevels
    ? TWO_LEVELS
    : [KNOWN_LEVELS.province, KNOWN_LEVELS.district, KNOWN_LEVELS.commune].filter(
        (l): l is LevelDefinition => l !== undefined,
      );
  const unitsCsv = twoLevels
    ? buildTwoLevelUnitsCsv(request.officialCsv, request.provinceCode, request.targets?.byCode)
    : buildUnitsCsv(request.officialCsv, request.provinceCode, []);
  const year = request.start.slice(0, 4);
  const deadlines = spreadDeadlines(request.start, request.end);
  const name = request.name ?? campaignInitMessages.campaignName(provinceName, year);
  const code = request.code ?? `${fileSlug(provinceName.replace(/^(Tỉnh|Thành phố) /, ''))}-${year}`;
  const campaignJson = {
    code,
    name,
    province: { code: request.provinceCode, name: provinceName },
    // A level the messages know by code is written as its code; the commune level's kinds change with the map.
    levels: levels.map((l) => (KNOWN_LEVELS[l.code] === l ? l.code : l)),
    requireTargets: true,
    timeZone: 'Asia/Ho_Chi_Minh',
    startDate: request.start,
    endDate: request.end,
    reportCutoff: '17:00',
    summaryTime: '17:30',
    metrics: DEFAULT_METRICS,
    milestones: METRIC_CODES.map((metric) => ({
      code: DEFAULT_STEPS[metric].code,
      title: DEFAULT_STEPS[metric].title,
      metric,
      deadline: deadlines[metric],
    })),
    files: {
      maxBytes: 102400,
      minDpi: 100,
      minYear: 1900,
      nameRule: '<TYPE>.<YYYY>.<BOOK>.<NO>.pdf',
      typeCodes: DEFAULT_TYPE_CODES,
      retentionDays: 30,
    },
    reminders: {
      reportCall: '16:00',
      missedMorning: '08:00',
      countdownDays: [3, 1, 0],
      countdownTime: '08:00',
      escalateAfterDays: 2,
      graceMinutes: 60,
    },
    pace: { behindRatio: 0.9, farBehindRatio: 0.7 },
    plan: { curve: 'linear' },
    inviteValidDays: 30,
  } satisfies Partial<Record<keyof CampaignFile, unknown>>;
  const unitCount = unitsCsv.split('\n').filter((line) => line.includes(',commune,')).length;
  const levelNames = levels.map((l) => l.name).join(' → ');
  const readme = campaignInitMessages.readme({
    name,
    code,
    command: request.command,
    provinceName,
    provinceCode: request.provinceCode,
    start: request.start,
    end: request.end,
    listName: request.listName,
    unitCount,
    levels: levelNames,
    deadlines,
    targets: request.targets?.note ?? { kind: 'empty' },
    dir: request.dir,
  });
  return { kind: 'scaffolded', campaign: { campaignJson, unitsCsv, readme, unitCount, levels } };
}
