import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderChatScreen } from './chat-image-renderer.js';
import { toScreenItems } from './chat-screen-items.js';
import { guideShots, type GuideImageFile, type GuideShot, type GuideSource } from './guide-shots.js';

/** What `--guide-images` wrote, and the pictures the run was too short to show. */
export interface GuideImagesReport {
  readonly dir: string;
  readonly written: readonly GuideImageFile[];
  readonly missing: readonly GuideImageFile[];
}

/**
 * The address the guides show for the web side. The demo's web side listens on a loopback port that
 * changes every run; a guide shows the kind of address a province publishes instead.
 */
export const GUIDE_WEB_ADDRESS = 'https://sohoa.quangtri.gov.vn';

/** A text as the guide shows it: the demo's loopback web address replaced by the guide's. */
export function guideText(text: string): string {
  return text.replace(/http:\/\/127\.0\.0\.1:\d+/g, GUIDE_WEB_ADDRESS);
}

/** The header of a picture: the bot's name in a private chat, the group's title in a group. */
function header(shot: GuideShot): { title: string; subtitle: string } {
  if (shot.chat.role === 'group') return { title: shot.chat.title, subtitle: 'nhóm' };
  const bot = shot.entries.find((e) => e.side === 'bot')?.speaker ?? 'Bot';
  return { title: bot, subtitle: 'bot' };
}

/**
 * Renders the user guides' chat pictures (docs/images) from a finished run into `dir`, under the names
 * the guides link to. `demoOutDir` is the run's output folder: the charts a group received are read
 * back from it, so a picture shows the very chart that was delivered.
 */
export async function writeGuideImages(
  source: GuideSource,
  options: { readonly dir: string; readonly demoOutDir: string; readonly timeZone: string },
): Promise<GuideImagesReport> {
  const { shots, missing } = guideShots(source);
  await mkdir(options.dir, { recursive: true });
  const written: GuideImageFile[] = [];
  for (const shot of shots) {
    const entries = shot.entries.map((e) => ({ ...e, text: guideText(e.text) }));
    const items = await toScreenItems(entries, {
      me: shot.me,
      group: shot.chat.role === 'group',
      outDir: options.demoOutDir,
      timeZone: options.timeZone,
    });
    await writeFile(join(options.dir, shot.file), await renderChatScreen({ ...header(shot), items }));
    written.push(shot.file);
  }
  return { dir: options.dir, written, missing };
}
