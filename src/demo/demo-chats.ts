import { fileSlug } from '../domain/file-slug.js';
import type { ChatInfo } from './chat-log.js';
import type { DemoCast } from './demo-cast.js';

/** ASCII file-name part of a Vietnamese name ("Phường Đông Lễ" → "phuong-dong-le"). */
export const slugOf = fileSlug;

/** Every chat the cast plays, titled the way the transcript shows them. */
export function castChats(cast: DemoCast): ChatInfo[] {
  return [
    ...cast.groups.map((g) => ({
      id: g.group.id,
      title: g.group.title,
      role: 'group' as const,
      slug: `nhom-${g.unitCode}-${slugOf(g.unitName)}`,
    })),
    ...cast.coordinators.map((c) => ({
      id: c.user.id,
      title: `${c.user.first_name} — ${c.level === 'province' ? 'Sở Tư pháp' : 'Phòng Tư pháp'} ${c.unitName}`,
      role: 'coordinator' as const,
      slug: `dieu-phoi-${c.unitCode}-${slugOf(c.unitName)}`,
    })),
    ...cast.groups.map((g) => ({
      id: g.leader.id,
      title: `${g.leader.first_name} — lãnh đạo ${g.unitName}`,
      role: 'leader' as const,
      slug: `lanh-dao-${g.unitCode}-${slugOf(g.unitName)}`,
    })),
    ...cast.communes.map((c) => ({
      id: c.user.id,
      title: `${c.name} (${c.districtName}) — ${c.user.first_name}`,
      role: 'commune' as const,
      slug: `xa-${c.code}-${slugOf(c.name)}`,
    })),
  ];
}
