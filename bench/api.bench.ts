import { createHash } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Request } from 'autocannon';
import { seconds } from '../src/common/seconds.js';
import { projectRoot } from '../src/config.js';
import { Random } from '../src/generator/random.js';
import { taxonomyFlags } from '../src/generator/taxonomy.flags.js';
import { benchGraphFlags, benchGraphOptions, clearGraph, loadGeneratedGraph, loadSeed, log, rolesHeld, startBenchNeo4j, timed } from './bench-graph.js';
import { RssSampler, runLoad, startNodeFlags, startServer, type LoadResult, type ServerChild } from './api/load.js';
import { canonical, digest, request, type Flavor, type OperationName, type Variables } from './api/operations.js';

/**
 * `npm run bench`: the API side by side with the floor (hand-written Cypher through neo4j-driver behind
 * node:http) and the peer (@neo4j/graphql on Apollo Server), on one Neo4j of its own and the same data: the
 * seed for Q1 and Q3, then a generated graph of the issue's size for Q2 and Q4, which repeat a few requests (the
 * response cache's case), and N1, N3, N4 and N5, whose every request draws its own parameters; with --dense, a
 * graph of the same size with lateral moves for D3, paths of up to 6 hops. Each server runs in a child
 * process; autocannon loads them from this process over loopback, after a warm-up, round after round, each
 * round running every server back to back; the table gives medians over the rounds and ratios measured in the
 * same round. The answers of the three are checked to agree before any load.
 */
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '2' },
    warmup: { type: 'string', default: '1' },
    connections: { type: 'string', default: '1,16' },
    only: { type: 'string', default: 'Q1,Q2,Q3,Q4,N1,N3,N4,N5' },
    /** Lateral moves per role for a dense graph of the same size, on which D3 runs (at concurrency 1): 10 is O*NET's density. */
    dense: { type: 'string' },
    /** Add `uncached` for this project with its response cache turned off. */
    servers: { type: 'string', default: 'floor,peer,project' },
    ...taxonomyFlags,
    ...benchGraphFlags,
    /** Folder for `node --cpu-prof` profiles of the project's server. */
    profile: { type: 'string' },
  },
});

const rounds = Number(values.rounds);
const duration = Number(values.duration);
const warmup = Number(values.warmup);
const connectionCounts = values.connections.split(',').map(Number);
const only = new Set([...values.only.split(','), ...(values.dense ? ['D3'] : [])]);
const flavors = values.servers.split(',') as Flavor[];
const { scale, size, pagesPerRun, neo4jData } = benchGraphOptions(values);
// The dense graph replaces the generated one in the bench's Neo4j, which a kept folder is meant to keep.
if (values.dense && neo4jData) throw new Error('--dense and --neo4j-data cannot go together: the dense graph would replace the kept one');

interface Case {
  /** Q… repeat a few requests, N… draw each request's parameters, D3 runs on the dense graph. */
  name: string;
  operation: OperationName;
  title: string;
  /** The requests a load cycles through; for a case that draws, the first draws, which the servers' answers are compared on. */
  variables: Variables[];
  /** Draws the parameters of each request, from a generator seeded by the case, concurrency and run. */
  draw?: (random: Random) => Variables;
  /** When not --connections. */
  connections?: number[];
}

type Key = `${string}/${number}/${Flavor}`;
const results = new Map<Key, LoadResult[]>();
const notes: string[] = [];

/** A seed from a run's name: every server gets the same parameters in the same order, and so does the next bench. */
const seedOf = (name: string): number => createHash('sha256').update(name).digest().readUInt32LE(0);

/** The requests of a load: the case's list, or one that autocannon rewrites before each sending with a new draw. */
function requestsFor(flavor: Flavor, entry: Case, run = 'verify'): Request[] | null {
  const list = entry.variables.map((variables) => request(flavor, entry.operation, variables));
  if (!list.every((item) => item !== null)) return null;
  const { draw } = entry;
  if (!draw) return list as Request[];
  const random = new Random(seedOf(`${entry.name} ${run}`));
  return [{ ...(list[0] as Request), setupRequest: (item) => ({ ...item, ...(request(flavor, entry.operation, draw(random)) as Request) }) }];
}

const connectionsOf = (entry: Case): number[] => entry.connections ?? connectionCounts;

/** Asks every server every request of the case once, and checks their answers agree with the floor's. */
async function verify(servers: ServerChild[], entry: Case): Promise<Set<Flavor>> {
  const agreeing = new Set<Flavor>();
  const answers = new Map<Flavor, string[]>();
  for (const server of servers) {
    if (!requestsFor(server.flavor, entry)) continue;
    const digests: string[] = [];
    for (const [index, variables] of entry.variables.entries()) {
      const item = request(server.flavor, entry.operation, variables) as Request;
      const response = await fetch(`${server.url}${item.path}`, { method: item.method, headers: item.headers, body: item.body });
      const body = (await response.json()) as { data?: unknown; errors?: unknown };
      if (response.status !== 200 || body.errors) throw new Error(`${server.flavor} ${entry.name} ${JSON.stringify(entry.variables[index])}: ${response.status} ${JSON.stringify(body.errors)}`);
      digests.push(canonical(digest(server.flavor, entry.operation, body.data)));
    }
    answers.set(server.flavor, digests);
  }
  const floor = answers.get('floor');
  for (const [flavor, digests] of answers) {
    const differing = floor ? digests.findIndex((item, index) => item !== floor[index]) : -1;
    if (differing < 0) {
      agreeing.add(flavor);
      continue;
    }
    const message = `${entry.name}: the ${flavor}'s answer to ${JSON.stringify(entry.variables[differing])} differs from the floor's`;
    if (flavor === 'project' || flavor === 'uncached') throw new Error(message);
    notes.push(message);
    log(message);
  }
  return agreeing;
}

/**
 * Warms a server up for a case at one concurrency, in runs of a few requests each until the warm-up time is
 * spent, and returns its throughput in the last run: the first estimate of how many requests fill a round.
 */
async function warmUp(server: ServerChild, entry: Case, connections: number): Promise<number> {
  const until = performance.now() + warmup * 1000;
  let amount = connections * 2;
  let rate: number;
  let run = 0;
  do {
    run += 1;
    rate = (await runLoad(server, requestsFor(server.flavor, entry, `warm-up ${connections} ${run}`) as Request[], connections, amount)).requestsPerSecond;
    amount = Math.max(connections * 2, Math.round(rate / 4));
  } while (performance.now() < until);
  return rate;
}

async function measure(servers: ServerChild[], cases: Case[], sampler: RssSampler): Promise<void> {
  const served = (entry: Case) => servers.filter((server) => requestsFor(server.flavor, entry) !== null);
  /** Requests per second, per case, concurrency and server: each round asks for `duration` seconds' worth. */
  const rates = new Map<string, number>();
  for (const entry of cases) {
    sampler.setCase(entry.name);
    for (const server of served(entry)) {
      log(`warm-up ${entry.name} ${server.flavor}`);
      for (const connections of connectionsOf(entry)) {
        rates.set(`${entry.name}/${connections}/${server.flavor}`, await warmUp(server, entry, connections));
      }
    }
  }
  for (let round = 0; round < rounds; round += 1) {
    for (const entry of cases) {
      sampler.setCase(entry.name);
      for (const connections of connectionsOf(entry)) {
        const list = served(entry);
        // Each round starts with another server, so that none is always measured first or last.
        const order = list.map((_, index) => list[(index + round) % list.length] as ServerChild);
        for (const server of order) {
          const key: Key = `${entry.name}/${connections}/${server.flavor}`;
          const amount = Math.max(connections * 2, Math.round((rates.get(key) ?? 1) * duration));
          const result = await runLoad(server, requestsFor(server.flavor, entry, `round ${round + 1} ${connections}`) as Request[], connections, amount);
          rates.set(key, result.requestsPerSecond);
          results.set(key, [...(results.get(key) ?? []), result]);
          const hits = result.cache ? `, cache hits ${result.cache.hit}/${result.cache.hit + result.cache.miss}` : '';
          log(`round ${round + 1} ${entry.name} c=${connections} ${server.flavor}: ${result.requests} requests, ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms (${result.serverP99.toFixed(2)} ms inside the server)${hits}${result.failures ? `, ${result.failures} FAILED` : ''}`);
          if (result.failures) notes.push(`${entry.name} c=${connections} ${server.flavor}: ${result.failures} failed requests in round ${round + 1}`);
        }
      }
    }
  }
}

const median = (list: number[]): number => {
  const sorted = [...list].filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** The median over rounds of a server's figure divided by another's in the same round. */
function ratio(name: string, connections: number, flavor: Flavor, other: Flavor, figure: (result: LoadResult) => number): number {
  const mine = results.get(`${name}/${connections}/${flavor}`) ?? [];
  const theirs = results.get(`${name}/${connections}/${other}`) ?? [];
  return median(mine.map((result, index) => (theirs[index] ? figure(result) / figure(theirs[index]) : Number.NaN)));
}

const fixed = (value: number, digits = 2): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const times = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');

/** The share of the response cache's lookups that it answered, over every round. */
function hitRate(list: LoadResult[]): string {
  const hits = list.reduce((sum, result) => sum + (result.cache?.hit ?? 0), 0);
  const lookups = list.reduce((sum, result) => sum + (result.cache ? result.cache.hit + result.cache.miss : 0), 0);
  return lookups > 0 ? `${((100 * hits) / lookups).toFixed(1)} %` : '–';
}

function resultTable(cases: Case[], sampler: RssSampler): string {
  const lines = [
    '| query | conc. | server | req/s | p50 ms | p99 ms | p99 inside the server ms | server CPU ms/req | req/s vs floor | req/s vs peer | p50 vs floor | p50 vs peer | cache hits | max RSS MB |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const entry of cases) {
    for (const connections of connectionsOf(entry)) {
      for (const flavor of flavors) {
        const list = results.get(`${entry.name}/${connections}/${flavor}`);
        if (!list) continue;
        const vs = (other: Flavor, figure: (result: LoadResult) => number) => (other === flavor ? '–' : times(ratio(entry.name, connections, flavor, other, figure)));
        lines.push(
          `| ${entry.title} | ${connections} | ${flavor} | ${fixed(median(list.map((r) => r.requestsPerSecond)), 0)} | ${fixed(median(list.map((r) => r.p50)))} | ${fixed(median(list.map((r) => r.p99)))} | ${fixed(median(list.map((r) => r.serverP99)))} | ${fixed(median(list.map((r) => r.serverCpuMsPerRequest)))} | ${vs('floor', (r) => r.requestsPerSecond)} | ${vs('peer', (r) => r.requestsPerSecond)} | ${vs('floor', (r) => r.p50)} | ${vs('peer', (r) => r.p50)} | ${hitRate(list)} | ${fixed(sampler.maxOfCase(flavor, entry.name) / 2 ** 20, 0)} |`,
        );
      }
    }
  }
  return lines.join('\n');
}

function bars(sampler: RssSampler, cases: Case[]): string {
  const lines = ['| bar | server | measured | met |', '|---|---|---|---|'];
  const row = (bar: string, flavor: Flavor, value: number, text: string, met: boolean) =>
    lines.push(`| ${bar} | ${flavor} | ${Number.isFinite(value) ? text : 'not measured'} | ${Number.isFinite(value) ? (met ? 'yes' : '**no**') : '–'} |`);
  for (const flavor of (['project', 'uncached'] as const).filter((name) => flavors.includes(name))) {
    for (const name of ['Q1', 'Q2', 'N1', 'N3', 'N4', 'N5']) {
      for (const connections of connectionCounts) {
        const throughput = ratio(name, connections, flavor, 'peer', (r) => r.requestsPerSecond);
        row(`${name} c=${connections}: req/s ≥ 1.5× the peer's`, flavor, throughput, times(throughput), throughput >= 1.5);
        const latency = ratio(name, connections, flavor, 'floor', (r) => r.p50);
        row(`${name} c=${connections}: p50 ≤ 1.3× the floor's`, flavor, latency, times(latency), latency <= 1.3);
      }
    }
    const q3 = median((results.get(`Q3/16/${flavor}`) ?? []).map((r) => r.p99));
    row('Q3 c=16: p99 < 20 ms', flavor, q3, `${fixed(q3)} ms`, q3 < 20);
    const d3 = median((results.get(`D3/1/${flavor}`) ?? []).map((r) => r.p50));
    row('D3 c=1 (dense graph, maxHops 6): p50 < 200 ms', flavor, d3, `${fixed(d3)} ms`, d3 < 200);
    const rss = Math.max(...cases.map((entry) => sampler.maxOfCase(flavor, entry.name)), sampler.maxOf(flavor, 'import'), sampler.maxOf(flavor, 'dense import')) / 2 ** 20;
    row('RSS < 300 MB under any workload and import (max)', flavor, rss || Number.NaN, `${fixed(rss, 0)} MB`, rss < 300);
  }
  return lines.join('\n');
}

function memoryTable(sampler: RssSampler, phases: string[]): string {
  const lines = [`| server | ${phases.map((phase) => `max RSS, ${phase}`).join(' | ')} |`, `|---|${phases.map(() => '---:').join('|')}|`];
  for (const flavor of flavors) lines.push(`| ${flavor} | ${phases.map((phase) => `${fixed(sampler.maxOf(flavor, phase) / 2 ** 20, 0)} MB`).join(' | ')} |`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  const neo4j = await startBenchNeo4j(neo4jData);
  const servers: ServerChild[] = [];
  let sampler: RssSampler | undefined;
  try {
    const [component] = await neo4j.database.read<{ version: string; edition: string }>('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition');
    // A kept data folder that holds a graph (--neo4j-data) is measured as it is: importing it anew is what the
    // folder spares, and the seed cases, which need the seed instead, are left out.
    const held = await rolesHeld(neo4j.database);
    if (held === 0) {
      const seeded = await timed(() => loadSeed(neo4j.database));
      log(`seed loaded in ${seconds(seeded.ms)}`);
    } else log(`reused the ${held} roles in ${neo4jData}: no seed, no import`);
    for (const flavor of flavors) {
      const ours = flavor === 'project' || flavor === 'uncached';
      const options = ours ? [...startNodeFlags(), ...(values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [])] : [];
      servers.push(await startServer(flavor, { NEO4J_URI: neo4j.connection.uri, NEO4J_USER: neo4j.connection.user ?? '', NEO4J_PASSWORD: neo4j.connection.password ?? '', ...(flavor === 'uncached' ? { RESPONSE_CACHE_MB: '0' } : {}) }, options));
      log(`${flavor} server listening at ${servers.at(-1)?.url}`);
    }
    sampler = new RssSampler(servers.map((server) => ({ name: server.flavor, pid: server.pid })));

    const seedCases: Case[] = (
      [
        { name: 'Q1', operation: 'Q1', title: 'Q1 role(id: "vp"), seed', variables: [{ id: 'vp' }] },
        { name: 'Q3', operation: 'Q3', title: 'Q3 transitionPaths IC → CEO, seed', variables: [{ from: 'individual-contributor', to: 'ceo', maxHops: 4 }] },
      ] satisfies Case[]
    ).filter((entry) => only.has(entry.name) && held === 0);
    sampler.setPhase('seed');
    for (const entry of seedCases) await verify(servers, entry);
    await measure(servers, seedCases, sampler);

    let generatedCases: Case[] = [];
    const figures: Record<string, string> = {};
    if (['Q2', 'Q4', 'N1', 'N3', 'N4', 'N5'].some((name) => only.has(name))) {
      sampler.setPhase('import');
      if (held === 0) {
        await clearGraph(neo4j.database);
        // The pages of a larger graph than the issue's are parsed afresh rather than kept in place of its pages.
        const pageCache = scale === 1 ? undefined : null;
        Object.assign(figures, (await loadGeneratedGraph(neo4j.database, size, { pageCache, pagesPerRun })).figures);
      } else figures['graph'] = `reused ${neo4jData}, ${held} roles`;
      const roles = await neo4j.database.read<{ id: string; level: number; title: string }>('MATCH (r:Role) RETURN r.id AS id, r.level AS level, r.title AS title ORDER BY id');
      const roleIds = roles.map((row) => row.id);
      const pages = Math.ceil(roleIds.length / 100);
      // Ten pairs of roles spread over the graph; similarRoles ranks the others against the first of each.
      const step = Math.max(1, Math.floor(roleIds.length / 10));
      const pairs = Array.from({ length: Math.min(10, roleIds.length - 1) }, (_, index) => ({ a: roleIds[index * step] as string, b: roleIds[index * step + 1] as string }));
      // A path leads up: from any role below the top to any role above it.
      const above = (level: number) => roles.filter((role) => role.level > level).map((role) => role.id);
      const higher = new Map([...new Set(roles.map((role) => role.level))].map((level) => [level, above(level)]));
      const starts = roles.filter((role) => (higher.get(role.level) ?? []).length > 0);
      // Search words: those of the roles' titles and the skills' names, whole or their first three letters or more.
      const names = await neo4j.database.read<{ name: string }>('MATCH (s:Skill) RETURN s.name AS name');
      const words = [...new Set([...roles.map((role) => role.title), ...names.map((row) => row.name)].flatMap((text) => text.toLowerCase().split(/[^a-z]+/)))].filter((word) => word.length >= 3);
      const word = (random: Random) => {
        const whole = random.pick(words);
        return random.chance(0.5) ? whole : whole.slice(0, 3 + random.below(whole.length - 2));
      };
      const drawn = (name: string, operation: OperationName, title: string, draw: (random: Random) => Variables): Case => {
        const random = new Random(seedOf(`${name} compared`));
        return { name, operation, title, variables: Array.from({ length: 20 }, () => draw(random)), draw };
      };
      generatedCases = (
        [
          { name: 'Q2', operation: 'Q2', title: `Q2 roles(first: 100, offset: k×100), ${roleIds.length} roles`, variables: Array.from({ length: pages }, (_, k) => ({ offset: k * 100 })) },
          { name: 'Q4', operation: 'Q4', title: `Q4 skillOverlap + similarRoles, 10 pairs, ${roleIds.length} roles`, variables: pairs },
          drawn('N1', 'Q1', `N1 role(id), a random id of ${roleIds.length}`, (random) => ({ id: random.pick(roleIds) })),
          drawn('N3', 'Q3', 'N3 transitionPaths, random endpoints up the ladder, maxHops 4', (random) => {
            const from = random.pick(starts);
            return { from: from.id, to: random.pick(higher.get(from.level) ?? []), maxHops: 4 };
          }),
          drawn('N4', 'Q4', 'N4 skillOverlap + similarRoles, a random pair', (random) => ({ a: random.pick(roleIds), b: random.pick(roleIds) })),
          drawn('N5', 'Q5', 'N5 search, one or two random words or beginnings', (random) => ({ text: Array.from({ length: 1 + random.below(2) }, () => word(random)).join(' ') })),
        ] satisfies Case[]
      ).filter((entry) => only.has(entry.name));
      sampler.setPhase('generated');
      for (const entry of generatedCases) await verify(servers, entry);
      await measure(servers, generatedCases, sampler);
    }

    let denseCases: Case[] = [];
    if (values.dense) {
      sampler.setPhase('dense import');
      await clearGraph(neo4j.database);
      const dense = await loadGeneratedGraph(neo4j.database, { ...size, lateralMoves: Number(values.dense) }, { pageCache: join(projectRoot, '.generated', 'bench-pages-dense') });
      for (const [step, time] of Object.entries(dense.figures)) figures[`dense graph: ${step}`] = time;
      const roleIds = (await neo4j.database.read<{ id: string }>('MATCH (r:Role) RETURN r.id AS id ORDER BY id')).map((row) => row.id);
      const draw = (random: Random) => ({ from: random.pick(roleIds), to: random.pick(roleIds) });
      const random = new Random(seedOf('D3 compared'));
      denseCases = [
        {
          name: 'D3',
          operation: 'Q6',
          title: `D3 transitionPaths(maxHops: 6, first: 10), random endpoints, ${values.dense} lateral moves a role`,
          variables: Array.from({ length: 20 }, () => draw(random)),
          draw,
          connections: [1],
        },
      ];
      sampler.setPhase('dense');
      for (const entry of denseCases) await verify(servers, entry);
      await measure(servers, denseCases, sampler);
    }
    sampler.stop();

    const cases = [...seedCases, ...generatedCases, ...denseCases];
    const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, Neo4j ${component?.version ?? '?'} ${component?.edition ?? ''}`;
    const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
    console.log(`\n${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${machine}`);
    console.log(`\`${command}\` · ${rounds} rounds of about ${duration} s (as many requests as the server answered in that time in its warm-up or last round, all answered before the next run starts) per server and concurrency after a warm-up of ${warmup} s at each concurrency; medians over the rounds; ratios are medians of per-round ratios · total ${seconds(performance.now() - started)}\n`);
    console.log(resultTable(cases, sampler));
    console.log(`\n${bars(sampler, cases)}\n`);
    console.log(memoryTable(sampler, ['seed', ...(generatedCases.length ? ['import', 'generated'] : []), ...(denseCases.length ? ['dense import', 'dense'] : [])]));
    if (Object.keys(figures).length) {
      console.log('\n| setup step | time |\n|---|---|');
      for (const [step, time] of Object.entries(figures)) console.log(`| ${step} | ${time} |`);
    }
    for (const note of notes) console.log(`\n- ${note}`);
  } finally {
    sampler?.stop();
    for (const server of servers) await server.stop();
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
