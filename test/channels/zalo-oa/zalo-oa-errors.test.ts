import { describe, expect, it } from 'vitest';
import {
  ZaloOaApiError,
  ZaloOaHttpError,
  ZaloOaNoTokenError,
} from '../../../src/channels/zalo-oa/zalo-oa-api-error.js';
import { ZaloOaUnreachableError } from '../../../src/channels/zalo-oa/zalo-oa-send.js';
import { classifyZaloOaError } from '../../../src/channels/zalo-oa/zalo-oa-errors.js';

describe('what the sender does after an OA call failed', () => {
  it('never retries a person Zalo will not let us reach, and never deactivates them', () => {
    expect(classifyZaloOaError(new ZaloOaApiError(-230, 'silent'))).toEqual({ kind: 'permanent' });
    expect(classifyZaloOaError(new ZaloOaApiError(-232, 'never'))).toEqual({ kind: 'permanent' });
    expect(classifyZaloOaError(new ZaloOaUnreachableError(-230))).toEqual({ kind: 'permanent' });
  });

  it('waits for limits and tokens, retries Zalo’s server errors, gives up on bad requests', () => {
    expect(classifyZaloOaError(new ZaloOaApiError(-32, 'rate'))).toEqual({
      kind: 'retry_after',
      seconds: 60,
    });
    expect(classifyZaloOaError(new ZaloOaNoTokenError('refused'))).toEqual({
      kind: 'retry_after',
      seconds: 300,
    });
    expect(classifyZaloOaError(new ZaloOaApiError(-216, 'token'))).toEqual({ kind: 'transient' });
    expect(classifyZaloOaError(new ZaloOaHttpError(502))).toEqual({ kind: 'transient', status: 502 });
    expect(classifyZaloOaError(new ZaloOaHttpError(400))).toEqual({ kind: 'permanent' });
    expect(classifyZaloOaError(new ZaloOaApiError(-201, 'field'))).toEqual({ kind: 'permanent' });
    expect(classifyZaloOaError(new TypeError('fetch failed'))).toEqual({ kind: 'transient' });
  });
});
