/**
 * The wait before retrying after a 5xx or a network error: exponential in the attempts, capped, with
 * jitter (×0.5–1.5) so that messages failed together by one outage do not all come back at once.
 */
export function retryDelayMs(
  attempts: number,
  options: { backoffMs: number; maxBackoffMs: number },
  random: () => number = Math.random,
): number {
  const exponential = options.backoffMs * 2 ** Math.min(Math.max(attempts - 1, 0), 20);
  return Math.round(Math.min(exponential, options.maxBackoffMs) * (0.5 + random()));
}
