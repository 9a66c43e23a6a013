import { describe, expect, it } from 'vitest';
import {
  fitTelegramCaption,
  splitTelegramText,
  TELEGRAM_CAPTION_LIMIT,
  TELEGRAM_TEXT_LIMIT,
} from '../../src/channels/telegram/telegram-text.js';

describe('Telegram text limits', () => {
  it('keeps a short text whole', () => {
    expect(splitTelegramText('Xin chào')).toEqual(['Xin chào']);
    expect(splitTelegramText('')).toEqual(['']);
  });

  it('splits a long list at line breaks, every part within the limit, nothing lost', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `${i + 1}. Xã Triệu Phước — chưa báo cáo`);
    const text = lines.join('\n');
    const parts = splitTelegramText(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(parts.join('\n')).toBe(text);
    // Each part starts on a whole line.
    for (const part of parts) expect(part).toMatch(/^\d+\. /);
  });

  it('cuts a single over-long token hard, without splitting an emoji', () => {
    const text = `${'x'.repeat(TELEGRAM_TEXT_LIMIT - 1)}😀${'y'.repeat(10)}`;
    const parts = splitTelegramText(text);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(parts.join('')).toBe(text);
    expect(parts[1]?.startsWith('😀')).toBe(true);
  });

  it('shortens a caption over the limit with an ellipsis', () => {
    const caption = 'ả'.repeat(TELEGRAM_CAPTION_LIMIT + 10);
    const fitted = fitTelegramCaption(caption) ?? '';
    expect(fitted.length).toBe(TELEGRAM_CAPTION_LIMIT);
    expect(fitted.endsWith('…')).toBe(true);
    expect(fitTelegramCaption('ngắn')).toBe('ngắn');
    expect(fitTelegramCaption(undefined)).toBeUndefined();
  });
});
