import { describe, expect, it } from 'vitest';
import { freeWindowSendTime, nearingSilence, oaSendCost } from '../../src/domain/zalo-oa-window.js';
import { openToken, sealToken } from '../../src/domain/zalo-oa-token-cipher.js';

const at = (s: string) => new Date(s);

describe('the OA interaction window', () => {
  it('prices a send by the silence before it', () => {
    const last = at('2026-03-10T16:30:00+07:00');
    expect(oaSendCost(last, at('2026-03-12T16:30:00+07:00'))).toBe('free');
    expect(oaSendCost(last, at('2026-03-12T16:31:00+07:00'))).toBe('billed');
    expect(oaSendCost(last, at('2026-03-18T16:31:00+07:00'))).toBe('refused');
    expect(oaSendCost(undefined, last)).toBe('refused');
  });

  it('moves a reminder before the window closes, not before the day starts', () => {
    const planned = at('2026-03-12T16:45:00+07:00');
    const earliest = at('2026-03-12T07:00:00+07:00');
    // Wrote two days ago at 16:30: the 16:45 reminder would be billed; it goes at 16:15 instead.
    expect(freeWindowSendTime({ lastInbound: at('2026-03-10T16:30:00+07:00'), planned, earliest })).toEqual(
      at('2026-03-12T16:15:00+07:00'),
    );
    // Wrote yesterday at 16:30: the planned time is free already.
    expect(freeWindowSendTime({ lastInbound: at('2026-03-11T16:30:00+07:00'), planned, earliest })).toEqual(
      planned,
    );
    // The window closed at night: no point waking anyone, it stays at the planned time (billed).
    expect(freeWindowSendTime({ lastInbound: at('2026-03-10T05:00:00+07:00'), planned, earliest })).toEqual(
      planned,
    );
  });

  it('asks the short question only in the last day before 7 days of silence', () => {
    const last = at('2026-03-10T09:00:00+07:00');
    expect(nearingSilence(last, at('2026-03-16T08:00:00+07:00'))).toBe(false);
    expect(nearingSilence(last, at('2026-03-16T10:00:00+07:00'))).toBe(true);
    expect(nearingSilence(last, at('2026-03-17T10:00:00+07:00'))).toBe(false);
  });

  it('seals tokens so that only the same key opens them', () => {
    const sealed = sealToken('secret-token', 'key-one-1234567890');
    expect(sealed).not.toContain('secret-token');
    expect(openToken(sealed, 'key-one-1234567890')).toBe('secret-token');
    expect(openToken(sealed, 'key-two-1234567890')).toBeUndefined();
    expect(openToken(sealed.slice(0, -2), 'key-one-1234567890')).toBeUndefined();
  });
});
