import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { readConfig } from '../src/config.js';
import { Database, type Neo4jConnection } from '../src/neo4j/database.js';
import { startLocalNeo4j } from '../src/neo4j/local-neo4j.js';
import { applySchema } from '../src/neo4j/schema.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jConnection;
  }
}

interface RunningNeo4j {
  connection: Neo4jConnection;
  stop(): Promise<void>;
}

/**
 * The integration tests' Neo4j: the one NEO4J_URI names, else a testcontainers Neo4j when a Docker engine
 * answers, else the bundled launcher on a free port with a fresh temporary data folder.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const neo4j = await startNeo4j();
  const database = Database.open(neo4j.connection);
  try {
    await applySchema(database);
  } finally {
    await database.close();
  }
  project.provide('neo4j', neo4j.connection);
  return () => neo4j.stop();
}

async function startNeo4j(): Promise<RunningNeo4j> {
  const remote = readConfig().neo4j;
  if (remote) return { connection: remote, stop: async () => {} };
  return (await startContainer()) ?? (await startLauncher());
}

async function startContainer(): Promise<RunningNeo4j | null> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
  } catch {
    return null;
  }
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const container = await new Neo4jContainer('neo4j:5.26-community').withPassword('career-graph-test').start();
  return {
    connection: { uri: container.getBoltUri(), user: container.getUsername(), password: container.getPassword() },
    stop: async () => {
      await container.stop();
    },
  };
}

async function startLauncher(): Promise<RunningNeo4j> {
  const dataDir = await mkdtemp(join(tmpdir(), 'career-graph-neo4j-'));
  const local = await startLocalNeo4j({ ...readConfig().localNeo4j, port: 0, dataDir });
  return {
    connection: local.connection,
    stop: async () => {
      await local.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
