import type { UnitDefinition } from '../domain/unit.js';
import type { GroupLike, UserLike } from '../../test/support/fake-telegram/index.js';
import { drawProfile, type CommuneProfile, type CommuneTarget } from './commune-profile.js';
import { communeChannel, type DemoChannel, type DemoZaloOptions } from './demo-channels.js';
import type { DemoRandom } from './demo-random.js';
import { personName } from './person-names.js';

/** A commune played by the demo: its unit, its reporter, and its habits. */
export interface CommuneRole {
  readonly code: string;
  readonly name: string;
  /** The unit right above it: its district or cluster, or the province on the two-level map. */
  readonly parentCode: string;
  readonly parentName: string;
  readonly target: CommuneTarget;
  readonly user: UserLike;
  readonly profile: CommuneProfile;
  /** Its position in the cast: the first few get the scripted moments the guides and the test show. */
  readonly index: number;
  /** The app its reporter uses. */
  readonly channel: DemoChannel;
}

/** A district's Phòng Tư pháp (a cluster's coordinators) or the province's Sở Tư pháp. */
export interface CoordinatorRole {
  readonly unitCode: string;
  readonly unitName: string;
  /** The unit's level code ('district', 'cluster', 'province'). */
  readonly level: string;
  /** Its unit is the communes' parent: it chases them day to day (the province itself on the two-level map). */
  readonly coordinatesCommunes: boolean;
  readonly user: UserLike;
}

/** A leadership group, and the leader who registers it. */
export interface LeadershipRole {
  readonly unitCode: string;
  readonly unitName: string;
  readonly leader: UserLike;
  readonly group: GroupLike;
}

/** A leader who lives in Zalo: no group there (Zalo Bot has none), the evening package one by one. */
export interface ZaloLeaderRole {
  readonly unitCode: string;
  readonly unitName: string;
  readonly leader: UserLike;
}

/** Everyone the demo plays. */
export interface DemoCast {
  readonly communes: readonly CommuneRole[];
  readonly coordinators: readonly CoordinatorRole[];
  readonly groups: readonly LeadershipRole[];
  readonly zaloLeaders: readonly ZaloLeaderRole[];
}

/** The district whose leaders get a group of their own: Vĩnh Linh when the campaign has it. */
const DISTRICT_GROUP_CODE = '464';

/**
 * Picks `count` communes round-robin over the communes' parents — the districts or clusters, the group
 * district's first so that a short run still gives that group communes to rank; on the two-level map the
 * province alone — and draws each one's habits from the seed.
 */
export function buildCast(
  units: readonly UnitDefinition[],
  count: number,
  campaignDays: number,
  random: DemoRandom,
  zalo: DemoZaloOptions = { zaloBot: false },
): DemoCast {
  const province = units.find((u) => u.level === 'province');
  if (!province) throw new Error('the campaign has no province unit');
  const parentCodes = new Set(units.filter((u) => u.level === 'commune').map((u) => u.parentCode));
  // The middle level's units (districts, clusters), when the campaign has one.
  const districts = units.filter((u) => parentCodes.has(u.code) && u !== province);
  const parents = districts.length > 0 ? districts : [province];
  const groupDistrict = parents.find((d) => d.code === DISTRICT_GROUP_CODE) ?? parents[0] ?? province;
  const ordered = [groupDistrict, ...parents.filter((d) => d !== groupDistrict)];
  const queues = ordered.map((d) => units.filter((u) => u.level === 'commune' && u.parentCode === d.code));
  const picked: { unit: UnitDefinition; parent: UnitDefinition }[] = [];
  for (let round = 0; picked.length < count && queues.some((q) => q.length > round); round++) {
    ordered.forEach((parent, i) => {
      const unit = queues[i]?.[round];
      if (unit && picked.length < count) picked.push({ unit, parent });
    });
  }
  const communes = picked.map(({ unit, parent }, index) => ({
    code: unit.code,
    name: unit.name,
    parentCode: parent.code,
    parentName: parent.name,
    target: unit.target ?? { books: 0, cases: 0 },
    user: person(7_000_000_000 + Number(unit.code) * 10, random.fork(`name:${unit.code}`)),
    profile: scripted(index, drawProfile(random.fork(`profile:${unit.code}`), campaignDays)),
    index,
    channel: communeChannel(index, parent.code, zalo),
  }));
  const coordinators: CoordinatorRole[] = [
    ...districts.map((d) => ({
      unitCode: d.code,
      unitName: d.name,
      level: d.level,
      coordinatesCommunes: true,
      user: person(6_000_000_000 + Number(d.code) * 10, random.fork(`name:${d.code}`)),
    })),
    {
      unitCode: province.code,
      unitName: province.name,
      level: 'province',
      coordinatesCommunes: districts.length === 0,
      user: person(6_000_000_000 + Number(province.code) * 10, random.fork(`name:${province.code}`)),
    },
  ];
  // The province's leaders, and one district's (none apart on the two-level map: its parent is the province).
  const groupUnits = groupDistrict === province ? [province] : [province, groupDistrict];
  const groups: LeadershipRole[] = groupUnits.map((unit, i) => ({
    unitCode: unit.code,
    unitName: unit.name,
    leader: person(6_500_000_000 + Number(unit.code) * 10, random.fork(`leader:${unit.code}`)),
    group: {
      id: -1_002_000_000_000 - Number(unit.code),
      type: 'supergroup',
      title: i === 0 ? `Lãnh đạo UBND tỉnh — số hóa hộ tịch` : `Lãnh đạo ${unit.name} — số hóa hộ tịch`,
    },
  }));
  // A province leader (a vice-chairman, say) who reads everything in Zalo.
  const zaloLeaders: ZaloLeaderRole[] = zalo.zaloBot
    ? [
        {
          unitCode: province.code,
          unitName: province.name,
          leader: person(
            6_600_000_000 + Number(province.code) * 10,
            random.fork(`zalo-leader:${province.code}`),
          ),
        },
      ]
    : [];
  return { communes, coordinators, groups, zaloLeaders };
}

function person(id: number, random: DemoRandom): UserLike {
  return { id, first_name: personName(random), is_bot: false, language_code: 'vi' };
}

/**
 * The first communes carry the moments every run must show, whatever the seed: the second sends
 * careless files, the third goes silent for the first two days, the fourth forgets until reminded.
 */
function scripted(index: number, profile: CommuneProfile): CommuneProfile {
  switch (index) {
    case 0:
      return { ...profile, diligence: 'diligent', joinDay: 0, silentDays: [] };
    case 1:
      return {
        ...profile,
        diligence: 'diligent',
        sloppyFiles: true,
        fileRate: 0.35,
        joinDay: 0,
        silentDays: [],
      };
    case 2:
      return { ...profile, diligence: 'silent', joinDay: 0, silentDays: [1, 2] };
    case 3:
      return { ...profile, diligence: 'forgetful', joinDay: 0, silentDays: [] };
    default:
      return profile;
  }
}
