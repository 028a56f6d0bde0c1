import 'reflect-metadata';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { createContext } from '../src/app/context.js';
import { createRepositories } from '../src/app/repositories.js';
import { startApiServer, type ApiServer } from '../src/api/server.js';
import { createLogger } from '../src/observability/logger.js';
import { refreshDerivedFacts } from '../src/derived/derived-facts.writer.js';
import { taxonomyFlags } from '../src/generator/taxonomy.flags.js';
import { benchGraphFlags, benchGraphOptions, loadGeneratedGraph, log, rolesHeld, startBenchNeo4j, timed } from './bench-graph.js';

/**
 * `npm run bench:analytics`: a Neo4j of its own (the bundled launcher, as `npm start` runs it), a generated
 * taxonomy of the size imported into it, and the analytics timed through the services (what a
 * resolver calls: validation, Cypher and loading the roles and skills of the answer) and over HTTP (the same
 * plus GraphQL execution and JSON, with the response cache off so that every run computes), as the median of
 * several runs after warm-up runs. Then what a write costs on that graph, since every write keeps the derived
 * facts up to date, skill centrality included (bench/write.bench.ts times each kind of curator's edit).
 */
const { values } = parseArgs({
  options: {
    ...taxonomyFlags,
    ...benchGraphFlags,
    warmup: { type: 'string', default: '2' },
    runs: { type: 'string', default: '7' },
    'matrix-roles': { type: 'string', default: '500' },
  },
});
const { scale, size, pagesPerRun, neo4jData } = benchGraphOptions(values);
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const matrixSize = Number(values['matrix-roles']);

async function median(work: () => Promise<unknown>): Promise<{ median: number; all: number[] }> {
  for (let i = 0; i < warmup; i += 1) await work();
  const all: number[] = [];
  for (let i = 0; i < runs; i += 1) all.push((await timed(work)).ms);
  const ordered = [...all].sort((a, b) => a - b);
  return { median: ordered[Math.floor(ordered.length / 2)] as number, all };
}

async function main(): Promise<void> {
  // Other work on the machine slows every figure: the report states the load it ran under.
  const loadAtStart = loadavg()[0] ?? 0;
  const neo4j = await startBenchNeo4j(neo4jData);
  const { database } = neo4j;
  try {
    const held = await rolesHeld(database);
    const figures = held > 0
      ? { graph: `reused ${neo4jData}, ${held} roles, imported by an earlier run` }
      : // Parsed afresh, so that the report has the parse time.
        (await loadGeneratedGraph(database, size, { pageCache: null, pagesPerRun })).figures;

    const [widest, second] = await database.read<{ id: string }>('MATCH (r:Role) RETURN r.id AS id ORDER BY COUNT { (r)-[:REQUIRES_SKILL]->() } DESC, id LIMIT 2');
    const [lacking] = await database.read<{ id: string }>(
      'MATCH (s:Skill) WHERE NOT EXISTS { (:Role {id: $role})-[:REQUIRES_SKILL]->(s) } RETURN s.id AS id ORDER BY COUNT { (s)<-[:REQUIRES_SKILL]-() } DESC, id LIMIT 1',
      { role: widest?.id ?? '' },
    );
    const popular = await database.read<{ id: string }>('MATCH (s:Skill) RETURN s.id AS id ORDER BY COUNT { (s)<-[:REQUIRES_SKILL]-() } DESC, id LIMIT 20');
    const everyRole = await database.read<{ id: string }>('MATCH (r:Role) RETURN r.id AS id ORDER BY id');
    const step = Math.max(1, Math.floor(everyRole.length / matrixSize));
    const matrixRoles = everyRole.filter((_, index) => index % step === 0).slice(0, matrixSize).map((role) => role.id);
    const [a, b] = [widest?.id ?? '', second?.id ?? ''];
    const skills = popular.map((skill) => skill.id);
    const categories = ['Finance', 'Strategy'];

    const repositories = createRepositories(database);
    const limits = { maxMatrixRoles: matrixSize };
    // A context per call, as per request: no loader cache carries over from one run to the next.
    const analytics = () => createContext(repositories, 'disabled', limits).analytics;
    // Without the response cache every run computes; with it (as `npm start` runs), a repeated question on an
    // unchanged graph is answered from the cache.
    const apiToken = 'bench-curator';
    // similarRoles and readiness cost one per role of the graph, which they rank: the limit grows with the scale.
    const config = { apiToken, maxQueryDepth: 12, maxQueryComplexity: 20_000 * scale, maxMatrixRoles: matrixSize };
    const logger = createLogger('warn');
    const uncached = await startApiServer({ database, port: 0, host: '127.0.0.1', config: { ...config, responseCacheMb: 0 }, logger });
    const cached = await startApiServer({ database, port: 0, host: '127.0.0.1', config, logger });
    const http = (server: ApiServer) => async (query: string, variables: Record<string, unknown>) => {
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${apiToken}` };
      const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    };

    const cases: { name: string; service: () => Promise<unknown>; query: string; variables: Record<string, unknown> }[] = [
      {
        name: `skillOverlap (the two widest roles)`,
        service: () => analytics().skillOverlap(a, b, null, null),
        query: 'query($a: ID!, $b: ID!) { skillOverlap(a: $a, b: $b) { shared { id name } onlyA { id } onlyB { id } jaccard overlapCoefficient } }',
        variables: { a, b },
      },
      {
        name: 'similarRoles (widest role, first 10)',
        service: () => analytics().similarRoles(a, 10, 0, null, null),
        query: 'query($to: ID!) { similarRoles(to: $to, first: 10) { role { id } jaccard shared { id } } }',
        variables: { to: a },
      },
      {
        name: 'skillCentrality (first 10)',
        service: () => analytics().skillCentrality(10, null, null),
        query: '{ skillCentrality(first: 10) { skill { id name } roleCount categories betweenness } }',
        variables: {},
      },
      {
        name: 'skillCentrality (first 10, 2 categories)',
        service: () => analytics().skillCentrality(10, categories, null),
        query: 'query($categories: [String!]) { skillCentrality(first: 10, categories: $categories) { skill { id } roleCount categories betweenness } }',
        variables: { categories },
      },
      {
        name: 'readiness (20 most needed skills, first 10)',
        service: () => analytics().readiness(skills, 10, null, null),
        query: 'query($skills: [ID!]!) { readiness(skills: $skills, first: 10) { role { id } coverage have { id } missing { id } } }',
        variables: { skills },
      },
      {
        name: `overlapMatrix (${matrixRoles.length} roles, ${matrixRoles.length ** 2} cells)`,
        service: () => analytics().overlapMatrix(matrixRoles, null, null, 0).then((matrix) => matrix.scores.cells(matrix.minJaccard)),
        query: 'query($roles: [ID!]) { overlapMatrix(roles: $roles) { roles { id } cells { a b jaccard sharedCount } } }',
        variables: { roles: matrixRoles },
      },
      {
        // Above 0, minJaccard leaves out the pairs that share no skill (a Jaccard index is at least 1 / |A ∪ B|).
        name: `overlapMatrix (${matrixRoles.length} roles, cells with minJaccard 0.000001: the pairs that share a skill)`,
        service: () => analytics().overlapMatrix(matrixRoles, null, null, 0.000001).then((matrix) => matrix.scores.cells(matrix.minJaccard)),
        query: 'query($roles: [ID!]) { overlapMatrix(roles: $roles, minJaccard: 0.000001) { roles { id } cells { a b jaccard sharedCount } } }',
        variables: { roles: matrixRoles },
      },
      {
        name: `overlapMatrix (${matrixRoles.length} roles, as jaccardRows)`,
        service: () => analytics().overlapMatrix(matrixRoles, null, null, 0).then((matrix) => matrix.scores.jaccardRows()),
        query: 'query($roles: [ID!]) { overlapMatrix(roles: $roles) { roles { id } jaccardRows } }',
        variables: { roles: matrixRoles },
      },
    ];
    const rows: string[] = [];
    for (const entry of cases) {
      log(entry.name);
      const service = await median(entry.service);
      const overHttp = await median(() => http(uncached)(entry.query, entry.variables));
      const repeated = await median(() => http(cached)(entry.query, entry.variables));
      const format = (result: { median: number; all: number[] }) => `${result.median.toFixed(0)} ms`;
      rows.push(`| ${entry.name} | ${format(service)} | ${format(overHttp)} | ${format(repeated)} | ${service.all.map((ms) => ms.toFixed(0)).join(', ')} |`);
      // A large graph's run takes long: each row is on stderr as soon as it is measured.
      log(rows.at(-1) as string);
    }

    // An import runs refreshDerivedFacts in its transaction, a curator's edit derives what it changes; adding a
    // skill to the widest role and removing it again changes its pairs with hundreds of roles, and so many skills' figures.
    const role = widest?.id ?? '';
    const skill = lacking?.id ?? '';
    const writes: { name: string; work: () => Promise<unknown> }[] = [
      { name: 'refreshDerivedFacts alone, in a write transaction (nothing changed)', work: () => database.writeTransaction(refreshDerivedFacts) },
      {
        name: `addSkillToRole then removeSkillFromRole over HTTP (two writes: ${role}, ${skill})`,
        work: async () => {
          await http(uncached)('mutation($role: ID!, $skill: ID!) { addSkillToRole(roleId: $role, skillId: $skill) { id } }', { role, skill });
          await http(uncached)('mutation($role: ID!, $skill: ID!) { removeSkillFromRole(roleId: $role, skillId: $skill) { id } }', { role, skill });
        },
      },
    ];
    const writeRows: string[] = [];
    for (const entry of writes) {
      log(entry.name);
      const result = await median(entry.work);
      writeRows.push(`| ${entry.name} | ${result.median.toFixed(0)} ms | ${result.all.map((ms) => ms.toFixed(0)).join(', ')} |`);
      log(writeRows.at(-1) as string);
    }
    await uncached.stop();
    await cached.stop();

    console.log(`\n${new Date().toISOString()} · ${cpus().length} CPUs · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version} · warm-up ${warmup}, median of ${runs} · load average ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end\n`);
    console.log('| Step | Time |\n|---|---|');
    for (const [step, time] of Object.entries(figures)) console.log(`| ${step} | ${time} |`);
    console.log('\n| Operation | Service | HTTP, no cache | HTTP, repeated, response cache on | Service runs (ms) |\n|---|---|---|---|---|');
    for (const row of rows) console.log(row);
    console.log('\n| Write | Median | Runs (ms) |\n|---|---|---|');
    for (const row of writeRows) console.log(row);
  } finally {
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
