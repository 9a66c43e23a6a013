import { packageChannelChosen } from '../services/demo-facts.service.js';
import type { ZaloLeaderRole } from './demo-cast.js';
import type { DemoTimeline } from './demo-timeline.js';
import type { DemoWorld } from './demo-world.js';

/** How long after the summary time the leader looks at what arrived. */
const READ_AFTER_MINUTES = 30;

/**
 * A leader who lives in Zalo: joins the Zalo bot with an invite, asks for the evening package there
 * (Zalo Bot cannot post into groups, so it comes one by one), and each evening looks at the charts and
 * opens the PDF by its link, as they would on the phone. What arrived is read from the fake Zalo; the
 * PDF must open as a PDF.
 */
export class ZaloLeaderActor {
  inviteCode = '';
  #photosSeen = 0;
  #textsSeen = 0;

  constructor(
    readonly role: ZaloLeaderRole,
    private readonly world: DemoWorld,
  ) {}

  planDay(day: number, timeline: DemoTimeline): void {
    const { world, role } = this;
    const { leader } = role;
    const date = world.dateOf(day);
    if (day === 0) {
      timeline.at(world.instant(date, '10:30'), (ctx) => {
        world.moments.begin(ctx, 'join', leader.id);
        world.say(leader, `/start ${this.inviteCode}`);
        ctx.later(10, (choose) => {
          world.say(leader, '/nhanbaocao zalo');
          choose.later(2, async () => {
            const chosen = await packageChannelChosen(
              world.db,
              world.campaign,
              'zalo-bot',
              String(leader.id),
            );
            if (chosen !== 'zalo-bot')
              world.tally.anomaly(`${leader.first_name}: chọn nhận báo cáo trên Zalo không được ghi`);
          });
        });
      });
      return;
    }
    if (day === 2)
      timeline.at(world.instant(date, '09:20'), (ctx) => {
        world.moments.begin(ctx, 'progress', leader.id);
        world.say(leader, '/tiendo');
      });
    const summary = world.instant(date, world.campaign.settings.summaryTime);
    timeline.at(new Date(summary.getTime() + READ_AFTER_MINUTES * 60_000), () => this.#readEvening());
  }

  /** The charts and the PDF link that arrived since the last look; the PDF opened by its link. */
  async #readEvening(): Promise<void> {
    const { world, role } = this;
    const zalo = world.stage.zaloBot;
    const base = world.stage.webBaseUrl;
    if (!zalo || !base) return;
    const chatId = String(role.leader.id);
    const photos = zalo.photosTo(chatId).slice(this.#photosSeen);
    const texts = zalo.textsTo(chatId).slice(this.#textsSeen);
    this.#photosSeen += photos.length;
    this.#textsSeen += texts.length;
    const charts = photos.filter((p) => p.bytes.subarray(0, 4).toString('latin1') === '\x89PNG').length;
    const links = texts.flatMap((t) => [...t.matchAll(/https?:\/\/\S+\/m\/[^\s)»]+/g)].map((m) => m[0]));
    let pdfs = 0;
    for (const link of links) {
      if (!link.startsWith(base)) continue;
      const response = await fetch(link);
      const bytes = Buffer.from(await response.arrayBuffer());
      if (response.ok && bytes.subarray(0, 5).toString('latin1') === '%PDF-') pdfs++;
    }
    world.tally.zaloEvening(charts, pdfs);
    if (charts === 0 || pdfs !== 1)
      world.tally.anomaly(
        `${role.leader.first_name} (Zalo): tối nay nhận ${charts} biểu đồ, ${pdfs} báo cáo PDF mở được`,
      );
  }
}
