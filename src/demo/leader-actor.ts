import type { LeadershipRole } from './demo-cast.js';
import type { DemoTimeline } from './demo-timeline.js';
import type { DemoWorld } from './demo-world.js';

/**
 * A leader: joins, adds the bot to the leadership group and registers it with `/dangky`; then mostly
 * reads what arrives every evening, and now and then asks for the picture in the group.
 */
export class LeaderActor {
  inviteCode = '';

  constructor(
    readonly role: LeadershipRole,
    private readonly world: DemoWorld,
  ) {}

  /** Schedules the leader's day (0 = the day before the start: joining and registering the group). */
  planDay(day: number, timeline: DemoTimeline, lastDay: number): void {
    const { world, role } = this;
    const date = world.dateOf(day);
    const { leader, group } = role;
    if (day === 0) {
      timeline.at(world.instant(date, '10:00'), (ctx) => {
        world.moments.begin(ctx, 'join', leader.id);
        world.say(leader, `/start ${this.inviteCode}`);
        ctx.later(15, (added) => {
          world.moments.begin(added, 'register_group', group.id);
          world.api.addBotToGroup(leader, group);
          world.log.user(group.id, leader.first_name, 'event', 'đã thêm bot vào nhóm');
          added.later(5, () => world.say(leader, `/dangky ${this.inviteCode}`, group));
        });
      });
      return;
    }
    const province = role.unitCode === world.campaign.settings.province.code;
    if ((province && day === 2) || (!province && day === 3))
      timeline.at(world.instant(date, '09:15'), (ctx) => {
        world.moments.begin(ctx, 'progress', group.id);
        world.say(leader, '/tiendo', group);
      });
    if (province && day === lastDay && day > 3)
      timeline.at(world.instant(date, '16:45'), (ctx) => {
        world.moments.begin(ctx, 'missing', group.id);
        world.say(leader, '/chuabaocao', group);
      });
  }
}
