import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCampaignFolder } from '../config/campaign-folder.js';
import { type CampaignDefinition } from '../domain/campaign.js';
import { createLogger } from '../config/logger.js';
import { ManualClock } from '../domain/clock.js';
import { addDays, daysBetween, instantAt } from '../domain/local-time.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrator.js';
import { loadCampaign } from '../services/campaign-load.service.js';
import { getCampaign } from '../services/campaign.service.js';
import { prepareOutDir } from './demo-output.js';
import { playCampaign, type DemoResult } from './play-campaign.js';
import { startDemoStage } from './demo-stage.js';
import { writeGuideImages, type GuideImagesReport } from './guide-images.js';

/** How to run the demo (the `sohoa demo` options). */
export interface DemoOptions {
  /** Campaign days to play, from the first. */
  readonly days: number;
  /** Communes that take part; absent = every commune of the campaign. */
  readonly communes?: number;
  /** The same seed gives the same run. */
  readonly seed: string;
  /** Campaign seconds per real second between moments; 0 = as fast as possible. */
  readonly speed: number;
  readonly outDir: string;
  /** The embedded database's folder (`memory`: none); default a fresh temporary one, removed afterwards. */
  readonly dataDir?: string;
  readonly campaignDir: string;
  readonly logLevel: string;
  /** Receives one line per campaign day as it ends. */
  readonly progress?: (line: string) => void;
  /**
   * Zalo beside Telegram (default on): a third of the communes and one province leader on the Zalo bot,
   * with the web side for its upload links and images. `--telegram-only` turns it off.
   */
  readonly zalo?: boolean;
  /** The communes under this unit (a district or cluster; the province on the two-level map) use the OA. */
  readonly zaloOaUnit?: string;
  /** Also renders the user guides' chat pictures from the run into this folder (`--guide-images`). */
  readonly guideImagesDir?: string;
  /**
   * Tests only: rewrites every text the bot sends as the fake Telegram receives it. The simulated people
   * read outcomes from the database, so a run with other wording must play and count the same.
   */
  readonly rewordBotText?: (text: string) => string;
}

/** What a run produced; with `guideImagesDir`, also the guide pictures it wrote. */
export type DemoRun = DemoResult & { readonly guideImages?: GuideImagesReport };

/** A bad option value, with the sentence to show. */
export class DemoOptionError extends Error {
  override readonly name = 'DemoOptionError';
}

function checkOptions(options: DemoOptions, definition: CampaignDefinition): void {
  const { startDate, endDate } = definition.campaign;
  const campaignDays = daysBetween(startDate, endDate) + 1;
  const communes = definition.units.filter((u) => u.level === 'commune').length;
  if (!Number.isInteger(options.days) || options.days < 1 || options.days > campaignDays)
    throw new DemoOptionError(`--days phải là số nguyên từ 1 đến ${campaignDays} (số ngày của chiến dịch).`);
  if (
    options.communes !== undefined &&
    (!Number.isInteger(options.communes) || options.communes < 1 || options.communes > communes)
  )
    throw new DemoOptionError(`--communes phải là số nguyên từ 1 đến ${communes}.`);
  if (!Number.isFinite(options.speed) || options.speed < 0)
    throw new DemoOptionError('--speed phải là số không âm (0 = nhanh nhất có thể).');
  if (options.zaloOaUnit !== undefined) {
    const parents = new Set(definition.units.filter((u) => u.level === 'commune').map((u) => u.parentCode));
    const parentUnits = definition.units.filter((u) => parents.has(u.code));
    if (!parents.has(options.zaloOaUnit))
      throw new DemoOptionError(
        `--zalo-oa cần mã một đơn vị có xã trực thuộc, ví dụ: ${parentUnits
          .slice(0, 4)
          .map((u) => `${u.code} (${u.name})`)
          .join(', ')}.`,
      );
  }
}

/**
 * Plays the campaign with the real service on a fresh embedded PostgreSQL, against the fake Telegram on
 * 127.0.0.1, and writes the outputs. Touches no network beyond the loopback.
 */
export async function runDemo(requested: DemoOptions): Promise<DemoRun> {
  const started = performance.now();
  const definition = await readCampaignFolder(requested.campaignDir);
  checkOptions(requested, definition);
  const options = {
    ...requested,
    communes: requested.communes ?? definition.units.filter((u) => u.level === 'commune').length,
  };
  await prepareOutDir(options.outDir);
  const tempDir = options.dataDir ? undefined : await mkdtemp(join(tmpdir(), 'sohoa-demo-'));
  options.progress?.(
    `sohoa demo: ${definition.campaign.name} — ${options.days} ngày, ${options.communes} xã, hạt giống «${options.seed}».\n` +
      `Bot, lịch nhắc, bộ gửi tin và PostgreSQL nhúng (${options.dataDir ?? 'thư mục tạm'}) chạy thật; ` +
      `${options.zalo === false ? 'Telegram' : 'Telegram, Zalo'}${options.zaloOaUnit === undefined ? '' : ', Zalo OA'} giả lập trên 127.0.0.1, không dùng mạng.`,
  );
  const handle = await openDatabase({ kind: 'embedded', dataDir: options.dataDir ?? tempDir ?? 'memory' });
  let result: DemoResult;
  try {
    const { db } = handle;
    await migrateToLatest(db);
    const { timeZone, startDate } = definition.campaign;
    const clock = new ManualClock(instantAt(addDays(startDate, -1), '07:00', timeZone));
    await loadCampaign(db, definition, clock, 'demo');
    const campaign = await getCampaign(db, definition.campaign.code);
    const stage = await startDemoStage({
      db,
      campaign,
      clock,
      logger: createLogger(options.logLevel),
      zalo: { bot: options.zalo !== false, oa: options.zaloOaUnit !== undefined },
      ...(options.rewordBotText ? { rewordBotText: options.rewordBotText } : {}),
    });
    try {
      result = await playCampaign({ db, campaign, clock, stage, definition, options, started });
      await writeFile(join(options.outDir, 'summary.txt'), result.summaryText);
    } finally {
      await stage.close();
    }
  } finally {
    await handle.close();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  }
  // Rendered once the service is down: the pictures need only the log and the files the run saved.
  if (options.guideImagesDir === undefined) return result;
  const guideImages = await writeGuideImages(result, {
    dir: options.guideImagesDir,
    demoOutDir: options.outDir,
    timeZone: definition.campaign.timeZone,
  });
  return { ...result, guideImages };
}
