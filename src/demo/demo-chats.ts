import { fileSlug } from '../domain/file-slug.js';
import type { ChatInfo } from './chat-log.js';
import type { DemoCast } from './demo-cast.js';
import { CHANNEL_NAMES } from './demo-channels.js';

/** ASCII file-name part of a Vietnamese name ("Phường Đông Lễ" → "phuong-dong-le"). */
export const slugOf = fileSlug;

/** Whose office a coordinator writes from; a campaign's own grouping (a cluster) is not an office. */
const OFFICES: Readonly<Record<string, string>> = { province: 'Sở Tư pháp', district: 'Phòng Tư pháp' };

/** Every chat the cast plays, titled the way the transcript shows them. */
export function castChats(cast: DemoCast): ChatInfo[] {
  const provinceCode = cast.coordinators.find((c) => c.level === 'province')?.unitCode;
  return [
    ...cast.groups.map((g) => ({
      id: g.group.id,
      title: g.group.title,
      role: 'group' as const,
      slug: `nhom-${g.unitCode}-${slugOf(g.unitName)}`,
      channel: 'telegram' as const,
    })),
    ...cast.coordinators.map((c) => ({
      id: c.user.id,
      title: `${c.user.first_name} — ${OFFICES[c.level] ?? 'Tổ điều phối'} ${c.unitName}`,
      role: 'coordinator' as const,
      slug: `dieu-phoi-${c.unitCode}-${slugOf(c.unitName)}`,
      channel: 'telegram' as const,
    })),
    ...cast.groups.map((g) => ({
      id: g.leader.id,
      title: `${g.leader.first_name} — lãnh đạo ${g.unitName}`,
      role: 'leader' as const,
      slug: `lanh-dao-${g.unitCode}-${slugOf(g.unitName)}`,
      channel: 'telegram' as const,
    })),
    ...cast.zaloLeaders.map((l) => ({
      id: l.leader.id,
      title: `${l.leader.first_name} — lãnh đạo ${l.unitName} (trên Zalo)`,
      role: 'leader' as const,
      slug: `lanh-dao-zalo-${l.unitCode}-${slugOf(l.unitName)}`,
      channel: 'zalo-bot' as const,
      keepsFiles: true,
    })),
    ...cast.communes.map((c) => ({
      id: c.user.id,
      // On the two-level map the parent is the province every chat belongs to: not repeated.
      title:
        (c.parentCode === provinceCode
          ? `${c.name} — ${c.user.first_name}`
          : `${c.name} (${c.parentName}) — ${c.user.first_name}`) +
        (c.channel === 'telegram' ? '' : ` (trên ${CHANNEL_NAMES[c.channel]})`),
      role: 'commune' as const,
      slug: `xa-${c.code}-${slugOf(c.name)}`,
      channel: c.channel,
    })),
  ];
}
