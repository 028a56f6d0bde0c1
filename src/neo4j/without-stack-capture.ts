/**
 * The driver records a stack trace for every query it is given, and for every COMMIT, to put on its error
 * should it fail; under tsx, which maps stack traces to the TypeScript sources, that took 6 % of the API's CPU
 * on uncached requests (bench/README.md). `run` (database.ts) takes one itself, only for a query that failed. The driver's
 * work inside is synchronous: no other code runs while stack traces are off.
 */
export function withoutStackCapture<T>(work: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return work();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
