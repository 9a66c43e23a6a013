import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUIDE_IMAGE_FILES, guideShots } from '../../src/demo/guide-shots.js';
import { runDemo, type DemoRun } from '../../src/demo/run-demo.js';
import { QUANG_TRI_DIR } from '../support/campaign-fixture.js';
import { reword } from './reword.js';

const DOCS = new URL('../../docs/', import.meta.url);

/** How many distinct colours a picture uses (a blank or one-colour picture has one or two). */
async function colours(png: Buffer): Promise<{ width: number; height: number; colours: number }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  const seen = new Set<number>();
  for (let i = 0; i < data.length; i += 4 * 7)
    seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
  return { width: image.width, height: image.height, colours: seen.size };
}

// The scripted communes, three days (the silent commune is escalated and filled in on the third), with the
// bot's words replaced: every guide picture is found by what the demo recorded, not by what the bot said.
describe('sohoa demo --guide-images, shortened: 4 communes, 3 days', () => {
  let out = '';
  let images = '';
  let run: DemoRun;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'sohoa-guide-out-'));
    images = await mkdtemp(join(tmpdir(), 'sohoa-guide-images-'));
    run = await runDemo({
      days: 3,
      communes: 4,
      seed: 'e2e',
      speed: 0,
      outDir: out,
      dataDir: 'memory',
      campaignDir: QUANG_TRI_DIR,
      logLevel: 'silent',
      rewordBotText: reword,
      guideImagesDir: join(images, 'images'),
    });
  }, 240_000);

  afterAll(async () => {
    for (const dir of [out, images]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('names every picture the guides link to, and only those', async () => {
    // `web-*.png` are the browser tests' screenshots of the web side (test/web), not the demo's pictures.
    const byBrowser = (f: string) => f.startsWith('web-');
    const images = await readdir(new URL('images/', DOCS));
    const onDisk = images.filter((f) => f.endsWith('.png') && !byBrowser(f));
    expect([...GUIDE_IMAGE_FILES].sort()).toEqual(onDisk.sort());
    for (const guide of ['huong-dan-xa.md', 'huong-dan-dieu-phoi.md', 'huong-dan-lanh-dao.md']) {
      const text = await readFile(new URL(guide, DOCS), 'utf8');
      for (const [, file] of text.matchAll(/\]\(images\/([^)]+\.png)\)/g)) {
        if (file && byBrowser(file)) expect(images, `${guide}: ${file}`).toContain(file);
        else expect(GUIDE_IMAGE_FILES, `${guide}: ${file}`).toContain(file);
      }
    }
  });

  it('writes every picture, each a decodable phone-width PNG with something drawn on it', async () => {
    expect(run.summary.tally.anomalies).toEqual([]);
    expect(run.guideImages?.missing).toEqual([]);
    expect(run.guideImages?.written).toEqual([...GUIDE_IMAGE_FILES]);
    for (const file of GUIDE_IMAGE_FILES) {
      const png = await readFile(join(images, 'images', file));
      expect(png.subarray(0, 8).toString('latin1'), file).toBe('\x89PNG\r\n\x1a\n');
      const picture = await colours(png);
      expect(picture.width, file).toBe(1000);
      expect(picture.height, file).toBeGreaterThan(300);
      expect(picture.colours, file).toBeGreaterThan(20);
    }
  });

  it('shows each moment from its own chat, as the demo recorded it', () => {
    const { shots } = guideShots(run);
    const shot = (file: (typeof GUIDE_IMAGE_FILES)[number]) => shots.find((s) => s.file === file)!;
    for (const s of shots) {
      expect(
        s.entries.every((e) => e.chatId === s.chat.id),
        s.file,
      ).toBe(true);
      expect(
        s.entries.some((e) => e.side === 'bot'),
        s.file,
      ).toBe(true);
    }
    const [first, sloppy, silent] = run.cast.communes;
    expect(shot('xa-1-tham-gia.png').chat.id).toBe(sloppy!.user.id);
    expect(shot('xa-3-tung-buoc.png').entries.filter((e) => e.side === 'user').length).toBeGreaterThan(3);
    expect(shot('xa-4-xac-nhan.png').chat.id).toBe(first!.user.id);
    expect(shot('xa-5-tep-mau.png').entries.filter((e) => e.kind === 'file')).toHaveLength(2);
    expect(shot('xa-6-nhac-viec.png').chat.id).toBe(silent!.user.id);
    expect(shot('xa-6-nhac-viec.png').entries.every((e) => e.side === 'bot')).toBe(true);
    expect(shot('dieu-phoi-1-nhac-nho.png').entries.some((e) => e.kind === 'button')).toBe(true);
    expect(shot('dieu-phoi-2-bao-cao-thay.png').entries[0]?.side).toBe('bot');
    const evening = shot('lanh-dao-2-buoi-toi.png').entries.map((e) => e.kind);
    expect(evening.filter((k) => k === 'photo')).toHaveLength(1);
    expect(evening).toContain('document');
    expect(shot('lanh-dao-3-tom-tat.png').entries.every((e) => e.kind === 'text')).toBe(true);
    expect(shot('lanh-dao-4-hoi-nhanh.png').chat.role).toBe('group');
  });
});
