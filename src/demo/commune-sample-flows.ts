import type { VerdictStatus } from '../files/file-verdict.js';
import type { CommuneRole } from './demo-cast.js';
import type { ActionContext } from './demo-timeline.js';
import type { DemoWorld } from './demo-world.js';
import { buildSampleFile, type SampleDefect, type SampleRecord } from './sample-scan-builder.js';

const MARKS: Readonly<Record<string, VerdictStatus>> = {
  '✅': 'accepted',
  '⚠️': 'warnings',
  '❌': 'rejected',
};

/** The verdict the bot gave on a file, read from its answer ("❌ Không đạt — KS.2019.03.125.pdf"). */
function verdictOf(
  world: DemoWorld,
  chatId: number,
  mark: number,
  fileName: string,
): VerdictStatus | undefined {
  const answer = world.answer(
    chatId,
    mark,
    (t) => t.split('\n')[0]?.includes(`— ${fileName.normalize('NFC')}`) ?? false,
  );
  const symbol = Object.keys(MARKS).find((m) => answer?.startsWith(m));
  return symbol === undefined ? undefined : MARKS[symbol];
}

/** Which registry case a commune scans next: its own books, years and numbers. */
function nextRecord(world: DemoWorld, role: CommuneRole, seq: number): SampleRecord {
  const r = world.random.fork(`record:${role.code}:${seq}`);
  return {
    type: r.pick(['KS', 'KS', 'KS', 'KT', 'KH', 'CMC']),
    year: r.int(1988, 2024),
    book: r.int(1, Math.max(1, role.target.books)),
    number: r.int(1, 480),
  };
}

/**
 * A commune sends a sample file, reads the verdict, and — when it was refused — fixes what the bot named
 * and sends the case again some minutes later.
 */
export async function playSample(
  world: DemoWorld,
  role: CommuneRole,
  ctx: ActionContext,
  defect: SampleDefect,
  seq: () => number,
): Promise<void> {
  const n = seq();
  const record = nextRecord(world, role, n);
  const file = await buildSampleFile(
    record,
    defect,
    world.random.fork(`scan:${role.code}:${n}`).int(1, 2 ** 30),
  );
  const chatId = role.user.id;
  const mark = world.mark(chatId);
  world.sendFile(role.user, file);
  ctx.later(2, (next) => {
    const status = verdictOf(world, chatId, mark, file.fileName);
    world.tally.file(defect, status);
    const expected =
      defect === 'good' ? status === 'accepted' || status === 'warnings' : status === 'rejected';
    if (!expected)
      world.tally.anomaly(`${role.name}: tệp ${file.fileName} (${defect}) được đánh giá ${status ?? '—'}`);
    if (status !== 'rejected') return;
    next.later(world.random.fork(`fix:${role.code}:${n}`).int(10, 40), async (fix) => {
      const m = seq();
      const fixed = await buildSampleFile(
        record,
        'good',
        world.random.fork(`scan:${role.code}:${m}`).int(1, 2 ** 30),
      );
      const fixMark = world.mark(chatId);
      world.sendFile(role.user, fixed);
      fix.later(2, () => {
        const again = verdictOf(world, chatId, fixMark, fixed.fileName);
        world.tally.file('good', again);
        if (again === 'accepted' || again === 'warnings') world.tally.count('file_fixed');
        else world.tally.anomaly(`${role.name}: tệp sửa lại ${fixed.fileName} vẫn ${again ?? '—'}`);
      });
    });
  });
}
