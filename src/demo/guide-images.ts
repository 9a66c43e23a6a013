// Renders the chat screenshots of the user guides (docs/images) from a short demo run:
//   node --import tsx src/demo/guide-images.ts [docs/images]
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChatEntry } from './chat-log.js';
import { renderChatScreen } from './chat-image-renderer.js';
import { excerpt, toScreenItems, type ExcerptRange } from './chat-excerpt.js';
import type { DemoResult } from './play-campaign.js';
import { runDemo } from './run-demo.js';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const CAMPAIGN_DIR = fileURLToPath(new URL('../../campaigns/quang-tri-2025', import.meta.url));

/** One screenshot: which chat, whose phone, which entries. */
interface Shot {
  readonly file: string;
  readonly title: string;
  readonly subtitle: string;
  /** Whose messages are on the right. */
  readonly me: string;
  readonly group: boolean;
  readonly ranges: readonly ExcerptRange[];
  /** Drops entries the picture does not need (e.g. all but the first chart). */
  readonly keep?: (entry: ChatEntry, index: number, all: readonly ChatEntry[]) => boolean;
}

function shotsOf(result: DemoResult): Shot[] {
  const [first, sloppy, silent] = result.cast.communes;
  const province = result.cast.coordinators.find((c) => c.level === 'province');
  const showcase = result.cast.coordinators.find((c) => c.unitCode === first?.districtCode);
  const silentCoordinator = result.cast.coordinators.find((c) => c.unitCode === silent?.districtCode);
  const samplesCoordinator = result.cast.coordinators.find((c) => c.unitCode === sloppy?.districtCode);
  const [provinceGroup] = result.cast.groups;
  if (
    !first ||
    !sloppy ||
    !silent ||
    !province ||
    !showcase ||
    !silentCoordinator ||
    !samplesCoordinator ||
    !provinceGroup
  )
    throw new Error('the demo cast is missing a role the guides show');
  const bot = 'Số hóa hộ tịch';
  const dm = (
    file: string,
    me: { first_name: string },
    ranges: ExcerptRange[],
    keep?: Shot['keep'],
  ): Shot => ({
    file,
    title: bot,
    subtitle: 'bot',
    me: me.first_name,
    group: false,
    ranges,
    ...(keep ? { keep } : {}),
  });
  const d = (n: number) => `2025-03-${String(n).padStart(2, '0')}`;
  const firstChartAndPdf = (e: ChatEntry, i: number, all: readonly ChatEntry[]) =>
    e.kind === 'document' || (e.kind === 'photo' && all.findIndex((x) => x.kind === 'photo') === i);
  const evening = { chatId: provinceGroup.group.id, date: d(3), from: '17:30' };
  const inGroup = (file: string, ranges: ExcerptRange[], keep?: Shot['keep']): Shot => ({
    file,
    title: provinceGroup.group.title,
    subtitle: 'nhóm',
    me: provinceGroup.leader.first_name,
    group: true,
    ranges,
    ...(keep ? { keep } : {}),
  });
  return [
    dm('xa-1-tham-gia.png', sloppy.user, [{ chatId: sloppy.user.id, date: '2025-02-28', limit: 4 }]),
    dm('xa-2-bao-cao.png', first.user, [{ chatId: first.user.id, date: d(1), from: '08:00', limit: 2 }]),
    dm(
      'xa-3-tung-buoc.png',
      sloppy.user,
      [{ chatId: sloppy.user.id, date: d(2), to: '12:00' }],
      (e) => e.kind === 'text',
    ),
    dm(
      'xa-4-xac-nhan.png',
      first.user,
      [{ chatId: first.user.id, date: d(2) }],
      (e) => e.kind === 'text' || e.kind === 'button',
    ),
    dm(
      'xa-5-tep-mau.png',
      sloppy.user,
      [{ chatId: sloppy.user.id, date: d(1) }],
      (e) => e.kind === 'file' || /^(✅|❌) (Đạt|Không đạt)/u.test(e.text),
    ),
    dm('xa-6-nhac-viec.png', silent.user, [
      { chatId: silent.user.id, date: d(1), from: '16:00', to: '16:00' },
      { chatId: silent.user.id, date: d(2), from: '08:00', to: '08:00' },
    ]),
    dm('dieu-phoi-1-nhac-nho.png', showcase.user, [{ chatId: showcase.user.id, date: d(1), from: '16:30' }]),
    dm('dieu-phoi-2-bao-cao-thay.png', silentCoordinator.user, [
      { chatId: silentCoordinator.user.id, date: d(3), from: '08:00', to: '08:30' },
    ]),
    dm('dieu-phoi-4-tep-mau.png', samplesCoordinator.user, [
      { chatId: samplesCoordinator.user.id, date: d(2), from: '15:30', to: '16:00' },
    ]),
    dm('dieu-phoi-3-tien-do.png', province.user, [
      { chatId: province.user.id, date: d(1), from: '09:00', to: '09:00' },
    ]),
    inGroup('lanh-dao-1-dang-ky.png', [{ chatId: provinceGroup.group.id, date: '2025-02-28' }]),
    inGroup('lanh-dao-2-buoi-toi.png', [evening], firstChartAndPdf),
    inGroup('lanh-dao-3-tom-tat.png', [evening], (e) => e.kind === 'text'),
    inGroup('lanh-dao-4-hoi-nhanh.png', [
      { chatId: provinceGroup.group.id, date: d(2), from: '09:00', to: '12:00' },
    ]),
  ];
}

/** Plays three days with every commune and renders each guide's screenshots into `outDir`. */
export async function renderGuideImages(outDir: string): Promise<string[]> {
  const demoOut = await mkdtemp(join(tmpdir(), 'sohoa-guide-'));
  try {
    const result = await runDemo({
      days: 3,
      communes: 119,
      seed: 'huong-dan',
      speed: 0,
      outDir: demoOut,
      dataDir: 'memory',
      campaignDir: CAMPAIGN_DIR,
      logLevel: 'silent',
    });
    await mkdir(outDir, { recursive: true });
    const written: string[] = [];
    for (const shot of shotsOf(result)) {
      const picked = shot.ranges.flatMap((range) => excerpt(result.entries, range, TIME_ZONE));
      const kept = shot.keep ? picked.filter(shot.keep) : picked;
      if (kept.length === 0) throw new Error(`${shot.file}: the demo run has nothing to show for it`);
      const items = await toScreenItems(kept, {
        me: shot.me,
        group: shot.group,
        outDir: demoOut,
        timeZone: TIME_ZONE,
      });
      await writeFile(
        join(outDir, shot.file),
        await renderChatScreen({ title: shot.title, subtitle: shot.subtitle, items }),
      );
      written.push(shot.file);
    }
    return written;
  } finally {
    await rm(demoOut, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await renderGuideImages(process.argv[2] ?? 'docs/images');
  console.log(`${files.length} ảnh: ${files.join(', ')}`);
}
