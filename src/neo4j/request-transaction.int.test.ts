import { afterAll, describe, expect, it } from 'vitest';
import { clearGraph, openTestDatabase } from '../../tests/neo4j.js';

const database = openTestDatabase();
afterAll(() => database.close());

/** The transactions Neo4j has open for this application, other than the one asking. */
async function openTransactions(): Promise<string[]> {
  const rows = await database.read<{ id: string }>(`
    SHOW TRANSACTIONS YIELD transactionId, metaData, currentQuery
    WHERE metaData.app = 'career-graph' AND NOT currentQuery CONTAINS 'SHOW TRANSACTIONS'
    RETURN transactionId AS id`);
  return rows.map((row) => row.id);
}

/** The graph's version: the bookmark of an empty read transaction. */
async function versionNow(): Promise<string | null> {
  const session = database.driver.session({ defaultAccessMode: 'READ' });
  try {
    await (await session.beginTransaction()).commit();
    return session.lastBookmarks()[0] ?? null;
  } finally {
    await session.close();
  }
}

/** A write by another session, as another instance or process would make it; its bookmark. */
async function writeElsewhere(): Promise<string | null> {
  const session = database.driver.session();
  try {
    await session.run('CREATE (:RequestProbe)');
    return session.lastBookmarks()[0] ?? null;
  } finally {
    await session.close();
  }
}

describe("a request's reads", () => {
  it('run in one transaction, open from the first read until the request ends', async () => {
    const request = database.forRequest(null);
    expect(await openTransactions()).toEqual([]);
    await request.database.read('RETURN 1 AS one');
    const [first] = await openTransactions();
    expect(first).toBeDefined();
    await Promise.all([request.database.read('RETURN 2 AS two'), request.database.readListsById('UNWIND $ids AS id RETURN id, [id] AS items', ['a', 'b'])]);
    expect(await openTransactions()).toEqual([first]);
    await request.end();
    expect(await openTransactions()).toEqual([]);
  });

  it('see what the request wrote: a write ends the transaction, and the next read waits for its bookmark', async () => {
    await clearGraph(database);
    const request = database.forRequest(null);
    expect(await request.database.read('MATCH (n:RequestProbe) RETURN n.id AS id')).toEqual([]);
    const [before] = await openTransactions();
    await request.database.write("CREATE (:RequestProbe {id: 'written'})");
    expect(await request.database.read('MATCH (n:RequestProbe) RETURN n.id AS id')).toEqual([{ id: 'written' }]);
    const after = await openTransactions();
    expect(after).toHaveLength(1);
    expect(after).not.toContain(before);
    await request.end();
    await clearGraph(database);
  });

  it("end with the graph's version when they ended: the one they began at if nothing was written meanwhile", async () => {
    const before = await versionNow();
    const quiet = database.forRequest(before);
    await quiet.database.read('RETURN 1 AS one');
    expect(await quiet.end()).toBe(before);

    const request = database.forRequest(before);
    await request.database.read('RETURN 1 AS one');
    const written = await writeElsewhere();
    expect(written).not.toBe(before);
    await request.database.read('RETURN 2 AS two');
    expect(await request.end()).toBe(written);
    await clearGraph(database);
  });

  it('end with no version when they read nothing', async () => {
    expect(await database.forRequest(null).end()).toBeNull();
  });

  it('outside a request, leave no transaction open', async () => {
    await database.read('RETURN 1 AS one');
    expect(await openTransactions()).toEqual([]);
  });
});

describe('a request expected to read once', () => {
  it('sends its read as a transaction of its own, committed as the read ends, and ends at its version', async () => {
    const before = await versionNow();
    const request = database.forRequest(before);
    request.expectOneRead();
    expect(await request.database.read('RETURN 1 AS one')).toEqual([{ one: 1 }]);
    expect(await openTransactions()).toEqual([]);
    expect(await request.end()).toBe(before);
  });

  it('that reads again after all reads on in one transaction, and ends at the version it ended at', async () => {
    await clearGraph(database);
    const request = database.forRequest(null);
    request.expectOneRead();
    expect(await request.database.read('MATCH (n:RequestProbe) RETURN count(n) AS n')).toEqual([{ n: 0 }]);
    const written = await writeElsewhere();
    const [probes] = await Promise.all([request.database.read('MATCH (n:RequestProbe) RETURN count(n) AS n'), request.database.read('RETURN 2 AS two')]);
    expect(probes).toEqual([{ n: 1 }]);
    expect(await openTransactions()).toHaveLength(1);
    expect(await request.end()).toBe(written);
    expect(await openTransactions()).toEqual([]);
    await clearGraph(database);
  });

  it('that reads twice at once answers both, the second in a transaction after the first', async () => {
    const request = database.forRequest(null);
    request.expectOneRead();
    const answers = await Promise.all([request.database.read('RETURN 1 AS one'), request.database.read('RETURN 2 AS two')]);
    expect(answers).toEqual([[{ one: 1 }], [{ two: 2 }]]);
    expect(await openTransactions()).toHaveLength(1);
    expect(await request.end()).not.toBeNull();
  });

  it('whose read fails ends with no version', async () => {
    const request = database.forRequest(null);
    request.expectOneRead();
    await expect(request.database.read('RETURN 1 / 0 AS never')).rejects.toThrow(/by zero/);
    expect(await request.end()).toBeNull();
  });
});

