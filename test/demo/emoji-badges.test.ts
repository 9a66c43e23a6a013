import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { EMOJI_BADGES, splitEmoji } from '../../src/demo/chat-emoji-badges.js';

const MESSAGES = new URL('../../src/messages/', import.meta.url);

// The guide pictures draw the bot's emoji as badges (the bundled font has none): an emoji the bot says
// without a badge would come out as an empty box in the guides.
describe('the guide pictures’ emoji badges', () => {
  it('have a badge for every emoji the bot’s messages use', async () => {
    const used = new Set<string>();
    for (const file of await readdir(MESSAGES)) {
      if (!file.endsWith('.ts')) continue;
      const text = await readFile(new URL(file, MESSAGES), 'utf8');
      for (const [emoji] of text.matchAll(/\p{Extended_Pictographic}/gu)) used.add(emoji);
    }
    expect(used.size).toBeGreaterThan(10);
    const missing = [...used].filter((e) => !EMOJI_BADGES.has(e) && !EMOJI_BADGES.has(`${e}\uFE0F`));
    expect(missing).toEqual([]);
  });

  it('splits text into plain runs and known emoji, with or without the emoji presentation selector', () => {
    expect(splitEmoji('📄 Bot đã chuyển ✏️ xong')).toEqual([
      { text: '📄', emoji: true },
      { text: ' Bot đã chuyển ', emoji: false },
      { text: '✏️', emoji: true },
      { text: ' xong', emoji: false },
    ]);
  });
});
