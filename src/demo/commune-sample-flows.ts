import { newestSample, sampleSentAfter } from '../services/demo-facts.service.js';
import type { CommuneRole } from './demo-cast.js';
import type { ActionContext } from './demo-timeline.js';
import type { DemoWorld } from './demo-world.js';
import { buildSampleFile, type SampleDefect, type SampleRecord } from './sample-scan-builder.js';

/** The newest stored verdict on a file of this name, before sending another one. */
async function lastVerdictId(world: DemoWorld, role: CommuneRole, fileName: string) {
  return (await newestSample(world.db, world.campaign, role.code, fileName))?.id;
}

/** The verdict the service stored on the file just sent (none: it stored nothing new). */
async function verdictSince(
  world: DemoWorld,
  role: CommuneRole,
  fileName: string,
  before: number | undefined,
) {
  return sampleSentAfter(world.db, world.campaign, role.code, fileName, before ?? 0);
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
  const before = await lastVerdictId(world, role, file.fileName);
  world.sendFile(role.user, file);
  ctx.later(2, async (next) => {
    const sample = await verdictSince(world, role, file.fileName, before);
    const status = sample?.verdict;
    world.tally.file(defect, status, sample?.problems ?? []);
    const expected =
      defect === 'good' ? status === 'accepted' || status === 'warnings' : status === 'rejected';
    if (!expected)
      world.tally.anomaly(`${role.name}: tệp ${file.fileName} (${defect}) được đánh giá ${status ?? '—'}`);
    if (status !== 'rejected') return;
    // A refused scan the bot could fix comes back converted, stored under the same name right after it.
    const copy = sample
      ? await sampleSentAfter(world.db, world.campaign, role.code, file.fileName, sample.id)
      : undefined;
    if (copy) {
      world.tally.file('good', copy.verdict, copy.problems);
      if (copy.verdict === 'accepted' || copy.verdict === 'warnings') world.tally.count('file_converted');
      else world.tally.anomaly(`${role.name}: tệp chuyển đổi ${file.fileName} vẫn ${copy.verdict}`);
    }
    next.later(world.random.fork(`fix:${role.code}:${n}`).int(10, 40), async (fix) => {
      const m = seq();
      const fixed = await buildSampleFile(
        record,
        'good',
        world.random.fork(`scan:${role.code}:${m}`).int(1, 2 ** 30),
      );
      const fixBefore = await lastVerdictId(world, role, fixed.fileName);
      world.sendFile(role.user, fixed);
      fix.later(2, async () => {
        const sample = await verdictSince(world, role, fixed.fileName, fixBefore);
        const again = sample?.verdict;
        world.tally.file('good', again, sample?.problems ?? []);
        if (again === 'accepted' || again === 'warnings') world.tally.count('file_fixed');
        else world.tally.anomaly(`${role.name}: tệp sửa lại ${fixed.fileName} vẫn ${again ?? '—'}`);
      });
    });
  });
}
