import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/**
 * One JSON object a line on stdout (or the given stream), for a log collector to index: `reqId` and
 * `operation` tie a request's lines together, errors carry their stack under `err` (never in responses).
 */
export function createLogger(level: LogLevel = 'info', destination?: DestinationStream): Logger {
  return pino({ level, base: { service: 'career-graph' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
