import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/neo4j.js';
import { toApiError } from './neo4j-errors.js';

const database = openTestDatabase();
afterAll(() => database.close());

describe('a read over its time budget', () => {
  it('is stopped by Neo4j and becomes QUERY_TIMEOUT, saying nothing of the query', async () => {
    const budgeted = database.withReadTimeout(300);
    const started = performance.now();
    // Counting to ten billion takes Neo4j minutes; Neo4j checks for timed-out transactions every two seconds.
    const cause = await budgeted.read('UNWIND range(1, 10000000000) AS n RETURN sum(n) AS total').catch((error: unknown) => error);
    expect(performance.now() - started).toBeLessThan(30_000);
    const error = toApiError(cause as Error);
    expect(error.extensions).toEqual({ code: 'QUERY_TIMEOUT' });
    expect(error.message).not.toMatch(/UNWIND|range|Neo/);
    expect(budgeted.queriesRun).toBe(database.queriesRun);
  });
});
