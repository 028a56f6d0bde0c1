import { Neo4jError, isRetriableError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { ImportTooLargeError, failingFastWhenTooLarge } from './import-too-large.error.js';

const outOfMemory = () =>
  new Neo4jError(
    'The allocation of an extra 2.0 MiB would use more than the limit 4.2 GiB. Currently using 4.2 GiB. dbms.memory.transaction.total.max threshold reached',
    'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
    '50N42',
    'error: general processing exception - unexpected error',
  );

describe('an import that runs out of transaction memory', () => {
  it('fails with an error the driver does not retry, which says how many pages and what to do', async () => {
    expect(isRetriableError(outOfMemory())).toBe(true);
    const failure = await failingFastWhenTooLarge(30_000, () => Promise.reject(outOfMemory())).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportTooLargeError);
    expect(isRetriableError(failure)).toBe(false);
    expect((failure as Error).message).toMatch(/^Importing 30000 pages .* nothing was imported\. .*NEO4J_LOCAL_HEAP_MB.*--pages-per-run/);
    expect((failure as Error).cause).toBeInstanceOf(Neo4jError);
  });

  it('lets every other error through as it was, retriable or not', async () => {
    const deadlock = new Neo4jError('deadlock', 'Neo.TransientError.Transaction.DeadlockDetected', '50N00', '');
    const syntax = new Error('bad Cypher');
    await expect(failingFastWhenTooLarge(1, () => Promise.reject(deadlock))).rejects.toBe(deadlock);
    await expect(failingFastWhenTooLarge(1, () => Promise.reject(syntax))).rejects.toBe(syntax);
    await expect(failingFastWhenTooLarge(1, () => Promise.resolve('written'))).resolves.toBe('written');
  });
});
