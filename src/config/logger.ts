import { pino, type Logger } from 'pino';

/** Creates the process logger. Logs go to stderr so that a command's stdout (JSON, tables) stays clean. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'sohoa' } }, pino.destination(2));
}

export type { Logger };
