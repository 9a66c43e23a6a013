import type { DemoRandom } from './demo-random.js';

const minutesOf = (time: string): number => {
  const [h = '0', m = '0'] = time.split(':');
  return Number(h) * 60 + Number(m);
};

/** 'HH:MM' of a minute of the day. */
export function clockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * A random local time between `from` and `to`, on a five-minute grid: people act at all hours, but
 * grouping them into moments lets the service settle a few hundred times a day instead of thousands.
 */
export function randomTime(random: DemoRandom, from: string, to: string): string {
  const start = Math.ceil(minutesOf(from) / 5);
  const end = Math.floor(minutesOf(to) / 5);
  return clockTime(random.int(start, Math.max(start, end)) * 5);
}
