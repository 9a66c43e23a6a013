import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium (installed by .ci/run when missing); nothing downloads a browser. */
export const CHROMIUM_PATH = process.env.SOHOA_CHROMIUM ?? '/usr/bin/chromium';

/** Whether the browser tests can run here; in CI a missing browser is a failure, not a skip. */
export const chromiumAvailable = existsSync(CHROMIUM_PATH);
export const inCi = process.env.CI === 'true' || process.env.CI === '1';

/** Launches headless chromium; no network beyond 127.0.0.1 is ever asked of it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Containers run as root without user namespaces; the pages are our own on 127.0.0.1.
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}
