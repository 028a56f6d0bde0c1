import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { logLevels, type LogLevel } from './observability/logger.js';

/** Where a Neo4j is, when the user brings their own. */
export interface RemoteNeo4jConfig {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
}

/** The bundled Neo4j that runs when no NEO4J_URI is given. */
export interface LocalNeo4jConfig {
  port: number;
  dataDir: string;
  /**
   * The most heap its JVM may take. Neo4j holds a transaction's changes in the heap, and an import is one
   * transaction: 3,000 generated pages need more than 1 GB.
   */
  heapMb: number;
}

export interface Config {
  /** Null when NEO4J_URI is unset: then the local Neo4j is started. */
  neo4j: RemoteNeo4jConfig | null;
  localNeo4j: LocalNeo4jConfig;
  port: number;
  seedOnStart: boolean;
  /** Bearer token that mutations require; without one the API is read-only. */
  apiToken: string | undefined;
  maxQueryDepth: number;
  maxQueryComplexity: number;
  /** The most roles one overlap matrix may compare: its cells grow with the square of their number. */
  maxMatrixRoles: number;
  /** The megabytes of answers the response cache may hold; 0 turns it off. */
  responseCacheMb: number;
  /** GraphQL operations executing at once; the others wait their turn (execution-slots.ts). */
  maxConcurrentOperations: number;
  /** How long a request's reads, which share one transaction, may run before Neo4j stops them. */
  queryTimeoutMs: number;
  logLevel: LogLevel;
  /** Cypher queries that take this long or longer are logged with the operation that ran them. */
  slowQueryMs: number;
}

export const defaultQueryTimeoutMs = 10_000;

/**
 * Twice the cores: enough to keep them busy while some operations wait for Neo4j, few enough that the memory
 * of those executing stays bounded (execution-slots.ts has the measurements).
 */
export const defaultMaxConcurrentOperations = 2 * availableParallelism();

/** Enough for one careerMap of a 3,000-role graph (the analytics' target scale), not for fifty 500-role matrices. */
export const defaultMaxQueryComplexity = 100_000;

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    neo4j: env.NEO4J_URI
      ? {
          uri: env.NEO4J_URI,
          user: env.NEO4J_USER ?? 'neo4j',
          password: env.NEO4J_PASSWORD ?? '',
          database: env.NEO4J_DATABASE || undefined,
        }
      : null,
    localNeo4j: {
      port: readPort(env, 'NEO4J_LOCAL_PORT', 7687),
      dataDir: env.NEO4J_LOCAL_DATA ?? `${projectRoot}.neo4j/data`,
      heapMb: readPositiveInteger(env, 'NEO4J_LOCAL_HEAP_MB', 4096),
    },
    port: readPort(env, 'PORT', 4000),
    seedOnStart: env.SEED_ON_START !== 'false',
    apiToken: env.API_TOKEN || undefined,
    maxQueryDepth: readPositiveInteger(env, 'MAX_QUERY_DEPTH', 12),
    maxQueryComplexity: readPositiveInteger(env, 'MAX_QUERY_COMPLEXITY', defaultMaxQueryComplexity),
    maxMatrixRoles: readPositiveInteger(env, 'MAX_MATRIX_ROLES', 500),
    responseCacheMb: readNonNegativeInteger(env, 'RESPONSE_CACHE_MB', 64),
    maxConcurrentOperations: readPositiveInteger(env, 'MAX_CONCURRENT_OPERATIONS', defaultMaxConcurrentOperations),
    queryTimeoutMs: readPositiveInteger(env, 'QUERY_TIMEOUT_MS', defaultQueryTimeoutMs),
    logLevel: readLogLevel(env),
    slowQueryMs: readNonNegativeInteger(env, 'SLOW_QUERY_MS', 500),
  };
}

function readPort(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be a port number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

function readPositiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

function readNonNegativeInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, 0 or more, got "${raw}"`);
  return value;
}

function readLogLevel(env: NodeJS.ProcessEnv): LogLevel {
  const raw = env.LOG_LEVEL;
  if (raw === undefined || raw === '') return 'info';
  if (!(logLevels as readonly string[]).includes(raw)) throw new Error(`LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${raw}"`);
  return raw as LogLevel;
}
