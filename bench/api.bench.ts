import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { seconds } from '../src/common/seconds.js';
import { clearGraph, issueScale, loadGeneratedGraph, loadSeed, log, startBenchNeo4j, timed } from './bench-graph.js';
import { RssSampler, runLoad, startServer, type LoadResult, type ServerChild } from './api/load.js';
import { canonical, digest, request, type Flavor, type HttpRequest, type OperationName, type Variables } from './api/operations.js';

/**
 * `npm run bench`: the API side by side with the floor (hand-written Cypher through neo4j-driver behind
 * node:http) and the peer (@neo4j/graphql on Apollo Server), on one Neo4j of its own and the same data: the
 * seed for Q1 and Q3, then a generated graph of the issue's size for Q2 and Q4. Each server runs in a child
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
    only: { type: 'string', default: 'Q1,Q2,Q3,Q4' },
    /** Add `uncached` for this project with its response cache turned off. */
    servers: { type: 'string', default: 'floor,peer,project' },
    roles: { type: 'string', default: String(issueScale.roles) },
    skills: { type: 'string', default: String(issueScale.skills) },
    links: { type: 'string', default: String(issueScale.links) },
    transitions: { type: 'string', default: String(issueScale.transitions) },
    seed: { type: 'string', default: String(issueScale.seed) },
    /** Folder for `node --cpu-prof` profiles of the project's server. */
    profile: { type: 'string' },
  },
});

const rounds = Number(values.rounds);
const duration = Number(values.duration);
const warmup = Number(values.warmup);
const connectionCounts = values.connections.split(',').map(Number);
const only = new Set(values.only.split(','));
const flavors = values.servers.split(',') as Flavor[];

interface Case {
  operation: OperationName;
  title: string;
  /** The requests a load cycles through. */
  variables: Variables[];
  phase: 'seed' | 'generated';
}

type Key = `${OperationName}/${number}/${Flavor}`;
const results = new Map<Key, LoadResult[]>();
const notes: string[] = [];

function requestsFor(flavor: Flavor, entry: Case): HttpRequest[] | null {
  const list = entry.variables.map((variables) => request(flavor, entry.operation, variables));
  return list.every((item) => item !== null) ? (list as HttpRequest[]) : null;
}

/** Asks every server every request of the case once, and checks their answers agree with the floor's. */
async function verify(servers: ServerChild[], entry: Case): Promise<Set<Flavor>> {
  const agreeing = new Set<Flavor>();
  const answers = new Map<Flavor, string[]>();
  for (const server of servers) {
    const requests = requestsFor(server.flavor, entry);
    if (!requests) continue;
    const digests: string[] = [];
    for (const [index, item] of requests.entries()) {
      const response = await fetch(`${server.url}${item.path}`, { method: item.method, headers: item.headers, body: item.body });
      const body = (await response.json()) as { data?: unknown; errors?: unknown };
      if (response.status !== 200 || body.errors) throw new Error(`${server.flavor} ${entry.operation} ${JSON.stringify(entry.variables[index])}: ${response.status} ${JSON.stringify(body.errors)}`);
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
    const message = `${entry.operation}: the ${flavor}'s answer to ${JSON.stringify(entry.variables[differing])} differs from the floor's`;
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
async function warmUp(server: ServerChild, requests: HttpRequest[], connections: number): Promise<number> {
  const until = performance.now() + warmup * 1000;
  let amount = connections * 2;
  let rate: number;
  do {
    rate = (await runLoad(server, requests, connections, amount)).requestsPerSecond;
    amount = Math.max(connections * 2, Math.round(rate / 4));
  } while (performance.now() < until);
  return rate;
}

async function measure(servers: ServerChild[], cases: Case[]): Promise<void> {
  const served = (entry: Case) => servers.filter((server) => requestsFor(server.flavor, entry) !== null);
  /** Requests per second, per case, concurrency and server: each round asks for `duration` seconds' worth. */
  const rates = new Map<string, number>();
  for (const entry of cases) {
    for (const server of served(entry)) {
      log(`warm-up ${entry.operation} ${server.flavor}`);
      for (const connections of connectionCounts) {
        rates.set(`${entry.operation}/${connections}/${server.flavor}`, await warmUp(server, requestsFor(server.flavor, entry) as HttpRequest[], connections));
      }
    }
  }
  for (let round = 0; round < rounds; round += 1) {
    for (const entry of cases) {
      for (const connections of connectionCounts) {
        const list = served(entry);
        // Each round starts with another server, so that none is always measured first or last.
        const order = list.map((_, index) => list[(index + round) % list.length] as ServerChild);
        for (const server of order) {
          const key: Key = `${entry.operation}/${connections}/${server.flavor}`;
          const amount = Math.max(connections * 2, Math.round((rates.get(key) ?? 1) * duration));
          const result = await runLoad(server, requestsFor(server.flavor, entry) as HttpRequest[], connections, amount);
          rates.set(key, result.requestsPerSecond);
          results.set(key, [...(results.get(key) ?? []), result]);
          log(`round ${round + 1} ${entry.operation} c=${connections} ${server.flavor}: ${result.requests} requests, ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms (${result.serverP99.toFixed(2)} ms inside the server)${result.failures ? `, ${result.failures} FAILED` : ''}`);
          if (result.failures) notes.push(`${entry.operation} c=${connections} ${server.flavor}: ${result.failures} failed requests in round ${round + 1}`);
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
function ratio(operation: OperationName, connections: number, flavor: Flavor, other: Flavor, figure: (result: LoadResult) => number): number {
  const mine = results.get(`${operation}/${connections}/${flavor}`) ?? [];
  const theirs = results.get(`${operation}/${connections}/${other}`) ?? [];
  return median(mine.map((result, index) => (theirs[index] ? figure(result) / figure(theirs[index]) : Number.NaN)));
}

const fixed = (value: number, digits = 2): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const times = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');

function resultTable(cases: Case[]): string {
  const lines = [
    '| query | conc. | server | req/s | p50 ms | p99 ms | p99 inside the server ms | server CPU ms/req | req/s vs floor | req/s vs peer | p50 vs floor | p50 vs peer |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const entry of cases) {
    for (const connections of connectionCounts) {
      for (const flavor of flavors) {
        const list = results.get(`${entry.operation}/${connections}/${flavor}`);
        if (!list) continue;
        const vs = (other: Flavor, figure: (result: LoadResult) => number) => (other === flavor ? '–' : times(ratio(entry.operation, connections, flavor, other, figure)));
        lines.push(
          `| ${entry.title} | ${connections} | ${flavor} | ${fixed(median(list.map((r) => r.requestsPerSecond)), 0)} | ${fixed(median(list.map((r) => r.p50)))} | ${fixed(median(list.map((r) => r.p99)))} | ${fixed(median(list.map((r) => r.serverP99)))} | ${fixed(median(list.map((r) => r.serverCpuMsPerRequest)))} | ${vs('floor', (r) => r.requestsPerSecond)} | ${vs('peer', (r) => r.requestsPerSecond)} | ${vs('floor', (r) => r.p50)} | ${vs('peer', (r) => r.p50)} |`,
        );
      }
    }
  }
  return lines.join('\n');
}

function bars(sampler: RssSampler): string {
  const lines = ['| bar | server | measured | met |', '|---|---|---|---|'];
  const row = (bar: string, flavor: Flavor, value: number, text: string, met: boolean) =>
    lines.push(`| ${bar} | ${flavor} | ${Number.isFinite(value) ? text : 'not measured'} | ${Number.isFinite(value) ? (met ? 'yes' : '**no**') : '–'} |`);
  for (const flavor of (['project', 'uncached'] as const).filter((name) => flavors.includes(name))) {
    for (const operation of ['Q1', 'Q2'] as const) {
      for (const connections of connectionCounts) {
        const throughput = ratio(operation, connections, flavor, 'peer', (r) => r.requestsPerSecond);
        row(`${operation} c=${connections}: req/s ≥ 1.5× the peer's`, flavor, throughput, times(throughput), throughput >= 1.5);
        const latency = ratio(operation, connections, flavor, 'floor', (r) => r.p50);
        row(`${operation} c=${connections}: p50 ≤ 1.3× the floor's`, flavor, latency, times(latency), latency <= 1.3);
      }
    }
    const q3 = median((results.get(`Q3/16/${flavor}`) ?? []).map((r) => r.p99));
    row('Q3 c=16: p99 < 20 ms', flavor, q3, `${fixed(q3)} ms`, q3 < 20);
    const rss = Math.max(sampler.maxOf(flavor, 'import'), sampler.maxOf(flavor, 'generated')) / 2 ** 20;
    row('RSS < 300 MB at the 3,000-role scale (max)', flavor, rss || Number.NaN, `${fixed(rss, 0)} MB`, rss < 300);
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
  const neo4j = await startBenchNeo4j();
  const servers: ServerChild[] = [];
  let sampler: RssSampler | undefined;
  try {
    const [component] = await neo4j.database.read<{ version: string; edition: string }>('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition');
    const seeded = await timed(() => loadSeed(neo4j.database));
    log(`seed loaded in ${seconds(seeded.ms)}`);
    for (const flavor of flavors) {
      const options = (flavor === 'project' || flavor === 'uncached') && values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [];
      servers.push(await startServer(flavor, { NEO4J_URI: neo4j.connection.uri, NEO4J_USER: neo4j.connection.user ?? '', NEO4J_PASSWORD: neo4j.connection.password ?? '', ...(flavor === 'uncached' ? { RESPONSE_CACHE_MB: '0' } : {}) }, options));
      log(`${flavor} server listening at ${servers.at(-1)?.url}`);
    }
    sampler = new RssSampler(servers.map((server) => ({ name: server.flavor, pid: server.pid })));

    const seedCases: Case[] = [
      { operation: 'Q1', title: 'Q1 role(id: "vp"), seed', variables: [{ id: 'vp' }], phase: 'seed' },
      { operation: 'Q3', title: 'Q3 transitionPaths IC → CEO, seed', variables: [{ from: 'individual-contributor', to: 'ceo', maxHops: 4 }], phase: 'seed' },
    ].filter((entry) => only.has(entry.operation)) as Case[];
    sampler.setPhase('seed');
    for (const entry of seedCases) await verify(servers, entry);
    await measure(servers, seedCases);

    let generatedCases: Case[] = [];
    let figures: Record<string, string> = {};
    if (only.has('Q2') || only.has('Q4')) {
      sampler.setPhase('import');
      await clearGraph(neo4j.database);
      const graph = await loadGeneratedGraph(neo4j.database, {
        roles: Number(values.roles),
        skills: Number(values.skills),
        links: Number(values.links),
        transitions: Number(values.transitions),
        seed: Number(values.seed),
      });
      figures = graph.figures;
      const roleIds = (await neo4j.database.read<{ id: string }>('MATCH (r:Role) RETURN r.id AS id ORDER BY id')).map((row) => row.id);
      const pages = Math.ceil(roleIds.length / 100);
      // Ten pairs of roles spread over the graph; similarRoles ranks the others against the first of each.
      const step = Math.max(1, Math.floor(roleIds.length / 10));
      const pairs = Array.from({ length: Math.min(10, roleIds.length - 1) }, (_, index) => ({ a: roleIds[index * step] as string, b: roleIds[index * step + 1] as string }));
      generatedCases = (
        [
          { operation: 'Q2', title: `Q2 roles(first: 100, offset: k×100), ${roleIds.length} roles`, variables: Array.from({ length: pages }, (_, k) => ({ offset: k * 100 })), phase: 'generated' },
          { operation: 'Q4', title: `Q4 skillOverlap + similarRoles, ${roleIds.length} roles`, variables: pairs, phase: 'generated' },
        ] satisfies Case[]
      ).filter((entry) => only.has(entry.operation));
      sampler.setPhase('generated');
      for (const entry of generatedCases) await verify(servers, entry);
      await measure(servers, generatedCases);
    }
    sampler.stop();

    const cases = [...seedCases, ...generatedCases];
    const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, Neo4j ${component?.version ?? '?'} ${component?.edition ?? ''}`;
    const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
    console.log(`\n${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${machine}`);
    console.log(`\`${command}\` · ${rounds} rounds of about ${duration} s (as many requests as the server answered in that time in its warm-up or last round, all answered before the next run starts) per server and concurrency after a warm-up of ${warmup} s at each concurrency; medians over the rounds; ratios are medians of per-round ratios · total ${seconds(performance.now() - started)}\n`);
    console.log(resultTable(cases));
    console.log(`\n${bars(sampler)}\n`);
    console.log(memoryTable(sampler, ['seed', ...(generatedCases.length ? ['import', 'generated'] : [])]));
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
