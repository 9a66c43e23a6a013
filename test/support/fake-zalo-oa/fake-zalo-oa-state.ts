import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../src/domain/clock.js';

/** What the fake charged for one accepted (or refused) send to a person. */
export type FakeCharge = 'free' | 'billed' | 'refused';

/** One message the fake OA accepted. */
export interface FakeOaSent {
  readonly to: { readonly userId?: string; readonly groupId?: string };
  readonly message: Record<string, unknown>;
  readonly messageId: string;
  readonly at: Date;
  readonly charge: FakeCharge | 'group';
}

const HOUR = 3_600_000;
const id = () => randomBytes(10).toString('hex');

/**
 * The fake OA's world: tokens (expiring access tokens, single-use refresh tokens), when each person
 * last wrote (Zalo's interaction window: free within 48 h, billed after, refused past 7 days or if they
 * never wrote), the groups the OA manages (GMF), uploads, hosted user files with expiring links, and
 * every send with what it was charged.
 */
export class FakeOaState {
  readonly accessTokens = new Map<string, Date>();
  readonly refreshTokens = new Set<string>();
  /** Refresh tokens already spent: using one again is refused (-14020, as one client reports). */
  readonly spentRefreshTokens = new Set<string>();
  refreshCalls = 0;
  accessTokenLifetimeSeconds = 3600;
  /** Set: a text that quotes a message is refused with -201 (the quote field is not confirmed publicly). */
  rejectQuotes = false;
  readonly lastMessageAt = new Map<string, Date>();
  readonly groups = new Set<string>();
  readonly sent: FakeOaSent[] = [];
  readonly uploadedFiles = new Map<string, { name: string; bytes: Buffer }>();
  readonly uploadedImages = new Map<string, { name: string; bytes: Buffer }>();
  readonly hostedFiles = new Map<string, { bytes: Buffer; expiresAt: Date }>();
  /** Tests only: rewrites every text the OA sends as the fake records it (what people would read). */
  rewordBotText: (text: string) => string = (text) => text;

  constructor(readonly clock: Clock) {}

  /** A fresh token pair, as an operator would get from Zalo's console. */
  issueTokens(lifetimeSeconds = this.accessTokenLifetimeSeconds): {
    accessToken: string;
    refreshToken: string;
  } {
    const accessToken = `at-${id()}`;
    const refreshToken = `rt-${id()}`;
    this.accessTokens.set(accessToken, new Date(this.clock.now().getTime() + lifetimeSeconds * 1000));
    this.refreshTokens.add(refreshToken);
    return { accessToken, refreshToken };
  }

  /** Whether an access token is known and not expired. */
  validAccess(token: string | undefined): boolean {
    const expires = token ? this.accessTokens.get(token) : undefined;
    return expires !== undefined && expires > this.clock.now();
  }

  /** What a send to this person costs now, by Zalo's window. */
  chargeFor(userId: string): FakeCharge {
    const last = this.lastMessageAt.get(userId);
    if (!last) return 'refused';
    const silence = this.clock.now().getTime() - last.getTime();
    if (silence <= 48 * HOUR) return 'free';
    return silence <= 7 * 24 * HOUR ? 'billed' : 'refused';
  }

  /** Counts of what the fake charged people. */
  charges(): Record<FakeCharge, number> {
    const counts: Record<FakeCharge, number> = { free: 0, billed: 0, refused: 0 };
    for (const s of this.sent) if (s.charge !== 'group') counts[s.charge]++;
    return counts;
  }

  /** Hosts a file a person sends; its link stops working after `ttlMs`. */
  hostFile(bytes: Buffer, ttlMs: number): string {
    const key = id();
    this.hostedFiles.set(key, { bytes, expiresAt: new Date(this.clock.now().getTime() + ttlMs) });
    return key;
  }

  newId(): string {
    return id();
  }
}
