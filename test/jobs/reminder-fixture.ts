import { createLogger } from '../../src/config/logger.js';
import type { Campaign } from '../../src/domain/campaign.js';
import { ManualClock } from '../../src/domain/clock.js';
import { localParts } from '../../src/domain/local-time.js';
import type { Db } from '../../src/db/database.js';
import { upsertGroupChat } from '../../src/db/group-chat.repository.js';
import { upsertMember } from '../../src/db/member.repository.js';
import type { MemberRow } from '../../src/db/member.table.js';
import type { Role } from '../../src/domain/role.js';
import { findUnitByCode } from '../../src/db/unit.repository.js';
import type { UnitRow } from '../../src/db/unit.table.js';
import type { FakeBotApi } from '../support/fake-telegram/index.js';
import { ALL_JOBS } from '../../src/jobs/job-registry.js';
import { JobScheduler } from '../../src/jobs/job-scheduler.js';
import { getCampaign } from '../../src/services/campaign.service.js';
import { submitReport } from '../../src/services/report.service.js';
import { loadQuangTri } from '../support/campaign-fixture.js';

/** The people of the simulated campaign, by role in the story. */
export interface Cast {
  readonly campaign: Campaign;
  /** Phường 1 (Đông Hà): reports every day. */
  readonly diligent: { member: MemberRow; unit: UnitRow };
  /** Phường Đông Giang (Đông Hà): misses some days. */
  readonly patchy: { member: MemberRow; unit: UnitRow };
  /** Thị trấn Hồ Xá (Vĩnh Linh): never reports. */
  readonly silent: { member: MemberRow; unit: UnitRow };
  readonly dongHaCoordinator: MemberRow;
  readonly vinhLinhCoordinator: MemberRow;
  readonly leadershipChat: number;
}

/** Chat ids (= Telegram user ids) of the cast. */
export const CHATS = {
  diligent: 5001,
  patchy: 5002,
  silent: 5003,
  dongHa: 6001,
  vinhLinh: 6002,
  group: -100900,
};

async function join(db: Db, campaign: Campaign, userId: number, unitCode: string, role: Role, at: Date) {
  const unit = await findUnitByCode(db, campaign.id, unitCode);
  if (!unit) throw new Error(`no unit ${unitCode}`);
  const member = await upsertMember(db, {
    campaign_id: campaign.id,
    platform: 'telegram',
    platform_user_id: String(userId),
    display_name: `Người ${userId}`,
    role,
    unit_id: unit.id,
    at,
  });
  return { member, unit };
}

/** Loads Quảng Trị and the cast; registers their chats with the fake Bot API when given. */
export async function setUpCast(db: Db, api?: FakeBotApi): Promise<Cast> {
  const at = new Date('2025-02-20T08:00:00+07:00');
  await loadQuangTri(db, new ManualClock(at));
  const campaign = await getCampaign(db);
  const province = await findUnitByCode(db, campaign.id, '45');
  if (!province) throw new Error('no province');
  await upsertGroupChat(db, {
    campaign_id: campaign.id,
    platform: 'telegram',
    chat_id: String(CHATS.group),
    title: 'Lãnh đạo tỉnh',
    purpose: 'leadership',
    scope_unit_id: province.id,
    registered_at: at,
  });
  for (const id of [CHATS.diligent, CHATS.patchy, CHATS.silent, CHATS.dongHa, CHATS.vinhLinh]) {
    api?.registerChat({ id, type: 'private', first_name: `Người ${id}` });
  }
  api?.registerChat({ id: CHATS.group, type: 'supergroup', title: 'Lãnh đạo tỉnh' });
  return {
    campaign,
    diligent: await join(db, campaign, CHATS.diligent, '19333', 'reporter', at),
    patchy: await join(db, campaign, CHATS.patchy, '19330', 'reporter', at),
    silent: await join(db, campaign, CHATS.silent, '19363', 'reporter', at),
    dongHaCoordinator: (await join(db, campaign, CHATS.dongHa, '461', 'coordinator', at)).member,
    vinhLinhCoordinator: (await join(db, campaign, CHATS.vinhLinh, '464', 'coordinator', at)).member,
    leadershipChat: CHATS.group,
  };
}

/** A reporter sends their cumulative figures at the clock's time, through the real report service. */
export async function reportAt(
  db: Db,
  campaign: Campaign,
  who: { member: MemberRow; unit: UnitRow },
  at: string,
  text: string,
): Promise<void> {
  const outcome = await submitReport(
    db,
    {
      campaign,
      who,
      conversation: {
        platform: 'telegram',
        chatId: who.member.platform_user_id,
        userId: who.member.platform_user_id,
      },
      inboxId: null,
      text,
    },
    new ManualClock(at),
  );
  if (outcome.kind !== 'accepted') throw new Error(`report not accepted: ${outcome.kind}`);
}

/** A scheduler instance of the simulated service, with the jobs that send messages (not the nightly purge). */
export function schedulerFor(db: Db, campaign: Campaign, clock: ManualClock, instance: string): JobScheduler {
  const jobs = ALL_JOBS.filter((job) => job.name !== 'xoa-tep-mau' && job.name !== 'xoa-tin-nhan-cu');
  return new JobScheduler({ db, campaign, clock, logger: createLogger('silent'), instance, jobs });
}

/** What a chat received: "MM-DD HH:MM <first character>" per delivered message, in order. */
export function timeline(
  api: FakeBotApi,
  chatId: number,
  timeZone: string,
  stampOf: Map<number, Date>,
): string[] {
  return api.sent
    .filter((c) => c.ok && c.chatId === chatId && c.method === 'sendMessage')
    .map((c) => {
      const local = localParts(stampOf.get(c.seq) ?? new Date(0), timeZone);
      return `${local.date.slice(5)} ${local.time} ${[...(c.text ?? '')][0] ?? ''}`;
    });
}
