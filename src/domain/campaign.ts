import type { CampaignFile } from './campaign-file.js';
import type { FileRules } from './file-rules.js';
import type { UnitDefinition } from './unit.js';

/** A loaded campaign: its database id and the settings its folder declared. */
export interface Campaign {
  readonly id: number;
  readonly code: string;
  readonly settings: CampaignFile;
}

/** A campaign as its folder declares it: settings and units, validated together. */
export interface CampaignDefinition {
  readonly campaign: CampaignFile;
  readonly units: readonly UnitDefinition[];
}

/** The sample-file rules of a campaign, in the inspector's terms. */
export function fileRulesOf(settings: Pick<CampaignFile, 'files'>): FileRules {
  const { maxBytes, minDpi, minYear, typeCodes, blankInkPercent } = settings.files;
  return {
    maxBytes,
    minDpi,
    minYear,
    typeCodes,
    ...(blankInkPercent === undefined ? {} : { blankInkPercent }),
  };
}

/** The deadline that pace is measured against: the last step's (cases attached & reviewed). */
export function completionDeadline(settings: Pick<CampaignFile, 'milestones' | 'endDate'>): string {
  return settings.milestones.find((m) => m.metric === 'attached')?.deadline ?? settings.endDate;
}
