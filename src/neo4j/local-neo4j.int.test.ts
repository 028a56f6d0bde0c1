import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type AuthToken } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { Database } from './database.js';
import { passwordFile, startLocalNeo4j, type LocalNeo4j } from './local-neo4j.js';

// A Neo4j of this file's own, in a fresh data folder, as on a first `npm start`.

let dataDir: string;
let local: LocalNeo4j;

const start = () => startLocalNeo4j({ ...readConfig().localNeo4j, port: 0, dataDir }, () => {});

async function loginError(auth: AuthToken | undefined): Promise<string | null> {
  const driver = neo4j.driver(local.connection.uri, auth);
  try {
    await driver.executeQuery('MATCH (n) RETURN count(n)');
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  } finally {
    await driver.close();
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'career-graph-auth-'));
  local = await start();
}, 600_000);

afterAll(async () => {
  await local?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the local Neo4j', () => {
  it('generates a password on its first start and keeps it in the data folder, readable by its owner only', async () => {
    const file = passwordFile(dataDir);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const password = (await readFile(file, 'utf8')).trim();
    expect(password).toMatch(/^[\w-]{32}$/);
    expect(local.connection).toEqual({ uri: expect.stringMatching(/^bolt:\/\/127\.0\.0\.1:\d+$/), user: 'neo4j', password });
  });

  it('lets in a connection with the password', async () => {
    expect(await loginError(neo4j.auth.basic('neo4j', local.connection.password as string))).toBeNull();
  });

  it('refuses a connection without the password, or with another one', async () => {
    expect(await loginError(undefined)).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await loginError(neo4j.auth.basic('neo4j', 'neo4j'))).toBe('Neo.ClientError.Security.Unauthorized');
  });

  it('keeps the same password when it starts again on the same data', { timeout: 600_000 }, async () => {
    const before = local.connection.password;
    await local.stop();
    local = await start();
    expect(local.connection.password).toBe(before);
    const database = Database.open(local.connection);
    try {
      expect(await database.read('RETURN 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
    }
  });
});
