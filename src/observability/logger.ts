import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** How long a line may wait in the buffer of stdout before it is written. */
const logFlushIntervalMs = 250;

/**
 * One JSON object a line on stdout (or the given stream), for a log collector to index: `reqId` and
 * `operation` tie a request's lines together, errors carry their stack under `err` (never in responses).
 */
export function createLogger(level: LogLevel = 'info', destination: DestinationStream = bufferedStdout()): Logger {
  return pino({ level, base: { service: 'career-graph' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

/**
 * Stdout, written in blocks of lines rather than a system call per line: the request log's line per request
 * cost about a tenth of the server's CPU under load (bench/README.md). A line waits at most
 * logFlushIntervalMs; pino writes what is left when the process exits (not when it is killed).
 */
function bufferedStdout(): DestinationStream {
  const stdout = pino.destination({ dest: 1, minLength: 8 * 1024, sync: false });
  // What stdout holds unwritten, so that the timer writes only when there is something to write.
  let unwritten = 0;
  stdout.on('write', (bytes: number) => {
    unwritten -= bytes;
  });
  setInterval(() => {
    if (unwritten > 0) stdout.flush();
  }, logFlushIntervalMs).unref();
  return {
    write(line: string) {
      unwritten += Buffer.byteLength(line);
      stdout.write(line);
    },
  };
}
