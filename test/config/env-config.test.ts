import { describe, expect, it } from 'vitest';
import { parseEnvConfig } from '../../src/config/env-config.js';
import { ConfigError } from '../../src/domain/errors.js';

function failure(env: NodeJS.ProcessEnv): ConfigError {
  try {
    parseEnvConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseEnvConfig', () => {
  it('defaults to the embedded database, long polling and the Quảng Trị campaign', () => {
    const config = parseEnvConfig({});
    expect(config).toMatchObject({
      DATA_DIR: './data',
      CAMPAIGN_DIR: 'campaigns/quang-tri-2025',
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
      LOG_LEVEL: 'info',
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.WEBHOOK_URL).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats blank values as unset', () => {
    expect(parseEnvConfig({ DATABASE_URL: '  ', TELEGRAM_BOT_TOKEN: '' }).DATABASE_URL).toBeUndefined();
  });

  it('parses SOHOA_NOW as an instant with its offset', () => {
    const config = parseEnvConfig({ SOHOA_NOW: '2025-03-10T16:00:00+07:00' });
    expect(config.SOHOA_NOW?.toISOString()).toBe('2025-03-10T09:00:00.000Z');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL'],
    [{ SOHOA_NOW: '2025-03-10' }, 'SOHOA_NOW'],
    [{ TELEGRAM_BOT_TOKEN: 'not-a-token' }, 'TELEGRAM_BOT_TOKEN'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ WEBHOOK_URL: 'http://example.org/hook', WEBHOOK_SECRET: 'a'.repeat(20), PORT: '8080' }, 'WEBHOOK_URL'],
    [{ WEBHOOK_URL: 'https://example.org/hook', PORT: '8080' }, 'WEBHOOK_SECRET'],
    [{ WEBHOOK_URL: 'https://example.org/hook', WEBHOOK_SECRET: 'a'.repeat(20) }, 'PORT'],
  ])('refuses %j naming %s in one Vietnamese line', (env, variable) => {
    const error = failure(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(`Biến môi trường ${variable}`);
    expect(error.message).not.toContain('\n');
  });

  it('accepts a complete webhook configuration', () => {
    const config = parseEnvConfig({
      WEBHOOK_URL: 'https://bot.example.org/telegram',
      WEBHOOK_SECRET: 'secret_token-1234567890',
      PORT: '8443',
    });
    expect(config.PORT).toBe(8443);
  });
});
