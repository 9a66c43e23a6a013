import { describe, expect, it } from 'vitest';
import { parseEnvConfig } from '../../../src/config/env-config.js';
import { ConfigError } from '../../../src/domain/errors.js';

describe('Zalo Bot configuration', () => {
  it('is off without a token and points at Zalo’s API by default', () => {
    const config = parseEnvConfig({});
    expect(config.ZALO_BOT_TOKEN).toBeUndefined();
    expect(config.ZALO_BOT_API_ROOT).toBe('https://bot-api.zaloplatforms.com');
  });

  it('takes a token (trimmed) and another API root (the tests’ fake server)', () => {
    const config = parseEnvConfig({
      ZALO_BOT_TOKEN: ' 12345:abc-DEF ',
      ZALO_BOT_API_ROOT: 'http://127.0.0.1:9999',
    });
    expect(config.ZALO_BOT_TOKEN).toBe('12345:abc-DEF');
    expect(config.ZALO_BOT_API_ROOT).toBe('http://127.0.0.1:9999');
    expect(parseEnvConfig({ ZALO_BOT_TOKEN: '   ' }).ZALO_BOT_TOKEN).toBeUndefined();
  });

  it('names the variable when the API root is not a URL', () => {
    expect(() => parseEnvConfig({ ZALO_BOT_API_ROOT: 'bot-api' })).toThrow(ConfigError);
    expect(() => parseEnvConfig({ ZALO_BOT_API_ROOT: 'bot-api' })).toThrow(/ZALO_BOT_API_ROOT/);
  });
});
