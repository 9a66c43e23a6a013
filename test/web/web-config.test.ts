import { describe, expect, it } from 'vitest';
import { parseEnvConfig } from '../../src/config/env-config.js';
import { ManualClock } from '../../src/domain/clock.js';
import { AttemptLimiter } from '../../src/web/attempt-limiter.js';
import { escapeHtml, html } from '../../src/web/html.js';

describe('the web side settings', () => {
  it('reads WEB_BASE_URL without its trailing slash, and needs PORT with it', () => {
    const config = parseEnvConfig({ WEB_BASE_URL: 'https://sohoa.example.vn/', PORT: '8080' });
    expect(config.WEB_BASE_URL).toBe('https://sohoa.example.vn');
    expect(config.WEB_TRUST_PROXY).toBe(false);
    expect(() => parseEnvConfig({ WEB_BASE_URL: 'https://sohoa.example.vn' })).toThrow(/PORT.*WEB_BASE_URL/);
    expect(() => parseEnvConfig({ WEB_BASE_URL: 'ftp://x.vn', PORT: '1' })).toThrow(/WEB_BASE_URL/);
    expect(() => parseEnvConfig({ WEB_SECRET: 'short' })).toThrow(/WEB_SECRET.*32/);
    expect(parseEnvConfig({ WEB_TRUST_PROXY: '1' }).WEB_TRUST_PROXY).toBe(true);
    expect(parseEnvConfig({}).WEB_BASE_URL).toBeUndefined();
  });
});

describe('link attempts per address', () => {
  it('allows `limit` attempts in a sliding window, per key, on the injected clock', () => {
    const clock = new ManualClock('2025-03-10T09:00:00+07:00');
    const limiter = new AttemptLimiter(clock, 3, 60_000);
    expect([1, 2, 3].map(() => limiter.tryAttempt('a'))).toEqual([true, true, true]);
    expect(limiter.tryAttempt('a')).toBe(false);
    expect(limiter.tryAttempt('b')).toBe(true);
    expect(limiter.minutesUntilFree('a')).toBe(1);
    clock.advance(30_000);
    expect(limiter.tryAttempt('a')).toBe(false);
    clock.advance(30_001);
    expect(limiter.tryAttempt('a')).toBe(true);
  });

  it('forgets the oldest addresses when it holds too many', () => {
    const clock = new ManualClock('2025-03-10T09:00:00+07:00');
    const limiter = new AttemptLimiter(clock, 1, 60_000, 2);
    limiter.tryAttempt('a');
    limiter.tryAttempt('b');
    limiter.tryAttempt('c');
    // 'a' was dropped to keep the map bounded: it may try again; 'c' may not.
    expect(limiter.tryAttempt('a')).toBe(true);
    expect(limiter.tryAttempt('c')).toBe(false);
  });
});

describe('the html tag', () => {
  it('escapes every interpolated value that is not already html', () => {
    const name = '<script>alert("x")</script> & \'y\'';
    expect(html`<td>${name}</td>`.value).toBe(`<td>${escapeHtml(name)}</td>`);
    expect(html`<td>${name}</td>`.value).not.toContain('<script>');
    expect(html`<p>${html`<b>${name}</b>`}</p>`.value).toContain('<b>&lt;script&gt;');
    expect(html`${[1, null, undefined, false, 'a']}`.value).toBe('1a');
  });
});
