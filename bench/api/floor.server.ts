import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import neo4j, { type Driver } from 'neo4j-driver';
import { Profile } from '../../src/role/role.profile.js';
import { fulltextQuery } from '../../src/search/fulltext-query.js';
import { addYears } from '../../src/transition/path-years.js';
import { skillDelta } from '../../src/transition/skill-delta.js';
import type { TimelineYears } from '../../src/transition/timeline-years.js';
import { announce, neo4jAuth, neo4jConnection } from './child.js';

/**
 * The floor: the benchmark's answers fetched by hand-written Cypher through neo4j-driver, one query per request,
 * served as JSON by node:http with no GraphQL. It returns the same `data` as the project's API, so that the
 * bench can check the two agree; it is the best this Neo4j can do for these questions.
 */

const skillOrder = 'ORDER BY coalesce(q.derived, false), q.position, q.sourceLine, s.id';
const roleMap = (r: string) => `${r} {
  .id, .title, level: coalesce(${r}.level, 1),
  skills: COLLECT { MATCH (${r})-[q:REQUIRES_SKILL]->(s) WITH s, q ${skillOrder} RETURN s {.id, .name, category: q.category} },
  transitionsOut: COLLECT {
    MATCH (${r})-[:HAS_TRANSITION]->(t:Transition)-[:LEADS_TO]->(b) WITH t, b ORDER BY b.level, b.id
    RETURN t {.id, to: b {.id, .title}, timeline: {minYears: t.minYears, maxYears: t.maxYears, openEnded: coalesce(t.openEnded, false)}} }`;

const queries = {
  q1: `MATCH (r:Role {id: $id})
    RETURN ${roleMap('r')},
      responsibilities: COLLECT { MATCH (r)-[:HAS_RESPONSIBILITY]->(x) WITH x ORDER BY x.sourceLine RETURN x {.area, .text} } } AS role`,
  q2: `MATCH (r:Role) WITH r ORDER BY r.level, r.id SKIP $offset LIMIT 100 RETURN ${roleMap('r')} } AS role`,
  // The paths, then the skills of every role on them and every transition they take, in one query.
  q3: (hops: number) => `
    MATCH p = (:Role {id: $from})-[:TRANSITIONS_TO*1..${hops}]->(:Role {id: $to})
    WHERE all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
    WITH p LIMIT 1000
    WITH collect(p) AS paths
    CALL (paths) {
      UNWIND paths AS p UNWIND nodes(p) AS r WITH DISTINCT r
      RETURN collect(r {.id, .title, hasPage: r.pageFile IS NOT NULL, excluded: COLLECT { MATCH (r)-[:EXCLUDES_SKILL]->(s) RETURN s.id },
        skills: COLLECT { MATCH (r)-[q:REQUIRES_SKILL]->(s) WITH s, q ${skillOrder} RETURN s {.id, .name} }}) AS roles
    }
    CALL (paths) {
      UNWIND paths AS p UNWIND relationships(p) AS rel WITH DISTINCT rel.transitionId AS id
      MATCH (a:Role)-[:HAS_TRANSITION]->(t:Transition {id: id})-[:LEADS_TO]->(b:Role)
      RETURN collect(t {.id, from: a.id, to: b.id, timeline: {minYears: t.minYears, maxYears: t.maxYears, openEnded: coalesce(t.openEnded, false)}}) AS transitions
    }
    RETURN [p IN paths | {roleIds: [n IN nodes(p) | n.id], transitionIds: [rel IN relationships(p) | rel.transitionId]}] AS paths, roles, transitions`,
  q4: `
    MATCH (a:Role {id: $a}), (b:Role {id: $b})
    WITH a, b,
      COLLECT { MATCH (a)-[:REQUIRES_SKILL]->(s:Skill) RETURN DISTINCT s {.id, .name} AS s ORDER BY s.id } AS skillsA,
      COLLECT { MATCH (b)-[:REQUIRES_SKILL]->(s:Skill) RETURN DISTINCT s {.id, .name} AS s ORDER BY s.id } AS skillsB
    WITH a, skillsA, skillsB, [s IN skillsA WHERE s IN skillsB] AS shared
    WITH a, skillsA, skillsB, shared, size(shared) AS n, size(skillsA) AS sizeA
    CALL (a, sizeA) {
      MATCH (a)-[:REQUIRES_SKILL]->(s:Skill)
      WITH DISTINCT s
      MATCH (s)<-[:REQUIRES_SKILL]-(other:Role) WHERE other <> a
      WITH other, count(DISTINCT s) AS sharedCount
      WITH other, sharedCount, COUNT { MATCH (other)-[:REQUIRES_SKILL]->(x:Skill) RETURN DISTINCT x } AS sizeB
      WITH other, sharedCount, toFloat(sharedCount) / (sizeA + sizeB - sharedCount) AS jaccard,
        toFloat(sharedCount) / CASE WHEN sizeA < sizeB THEN sizeA ELSE sizeB END AS overlapCoefficient
      ORDER BY round(jaccard, 9) DESC, sharedCount DESC, other.id LIMIT 10
      RETURN collect({role: other {.id, .title}, jaccard: jaccard, overlapCoefficient: overlapCoefficient, sharedCount: sharedCount}) AS similarRoles
    }
    RETURN {
      sharedCount: n,
      jaccard: CASE WHEN sizeA + size(skillsB) - n = 0 THEN 0.0 ELSE toFloat(n) / (sizeA + size(skillsB) - n) END,
      overlapCoefficient: CASE WHEN sizeA = 0 OR size(skillsB) = 0 THEN 0.0 ELSE toFloat(n) / CASE WHEN sizeA < size(skillsB) THEN sizeA ELSE size(skillsB) END END,
      shared: shared,
      onlyA: [s IN skillsA WHERE NOT s IN skillsB | s {.id}],
      onlyB: [s IN skillsB WHERE NOT s IN skillsA | s {.id}]
    } AS skillOverlap, similarRoles`,
  // The words as the project's search turns them into a Lucene query (fulltextQuery), and the hits' titles or names.
  q5: `
    CALL db.index.fulltext.queryNodes('search_text', $query) YIELD node, score
    WITH node, score ORDER BY score DESC, node.id LIMIT 20
    RETURN CASE WHEN node:Role THEN {__typename: 'Role', id: node.id, title: node.title} ELSE {__typename: 'Skill', id: node.id, name: node.name} END AS hit`,
};

interface Skill {
  id: string;
  name: string;
}
interface Q3Row {
  paths: { roleIds: string[]; transitionIds: string[] }[];
  roles: { id: string; title: string; hasPage: boolean; excluded: string[]; skills: Skill[] }[];
  transitions: { id: string; from: string; to: string; timeline: TimelineYears }[];
}

/** A role's page states its whole set of skills; without one (the seed's CEO), only a curator's exclusions are dropped. */
const profileOf = (role: Q3Row['roles'][number] | undefined) => ({ profile: role?.hasPage ? Profile.STATED : Profile.INFERRED, excluded: new Set(role?.excluded ?? []) });

/** The paths as the project's API answers them, fewest hops first, then fewest years. */
function describePaths(row: Q3Row) {
  const roles = new Map(row.roles.map((role) => [role.id, role]));
  const transitions = new Map(row.transitions.map((transition) => [transition.id, transition]));
  const paths = row.paths.map(({ roleIds, transitionIds }) => {
    const skills = roleIds.map((id) => roles.get(id)?.skills ?? []);
    const steps = transitionIds.map((id, index) => {
      const t = transitions.get(id);
      if (!t) throw new Error(`transition ${id} missing`);
      const d = skillDelta(skills[index] ?? [], skills[index + 1] ?? [], profileOf(roles.get(roleIds[index + 1] as string)));
      return { id, from: { id: t.from }, to: { id: t.to }, timeline: t.timeline, skillDelta: { gained: d.gained, dropped: d.dropped } };
    });
    return {
      hops: steps.length,
      roles: roleIds.map((id) => ({ id, title: roles.get(id)?.title })),
      years: addYears(steps.map((step) => step.timeline)),
      steps,
      skillDelta: skillDelta(skills[0] ?? [], skills[skills.length - 1] ?? [], profileOf(roles.get(roleIds[roleIds.length - 1] as string))),
    };
  });
  return paths.sort((a, b) => a.hops - b.hops || a.years.min - b.years.min || (a.years.max ?? 0) - (b.years.max ?? 0));
}

async function answer(driver: Driver, route: string, params: URLSearchParams): Promise<unknown> {
  const read = async <T>(query: string, parameters: Record<string, unknown>): Promise<T[]> => {
    const result = await driver.executeQuery(query, parameters, { routing: neo4j.routing.READ });
    return result.records.map((record) => record.toObject() as T);
  };
  switch (route) {
    case '/q1': {
      const [row] = await read<{ role: unknown }>(queries.q1, { id: params.get('id') });
      return { role: row?.role ?? null };
    }
    case '/q2': {
      const rows = await read<{ role: unknown }>(queries.q2, { offset: neo4j.int(Number(params.get('offset') ?? 0)) });
      return { roles: rows.map((row) => row.role) };
    }
    case '/q3': {
      const hops = Math.min(6, Math.max(1, Number(params.get('maxHops') ?? 4)));
      const [row] = await read<Q3Row>(queries.q3(hops), { from: params.get('from'), to: params.get('to') });
      return { transitionPaths: row ? describePaths(row) : [] };
    }
    case '/q4': {
      const [row] = await read<{ skillOverlap: unknown; similarRoles: unknown }>(queries.q4, { a: params.get('a'), b: params.get('b') });
      return row ?? null;
    }
    case '/q5': {
      const query = fulltextQuery(params.get('text') ?? '');
      const rows = query === null ? [] : await read<{ hit: unknown }>(queries.q5, { query });
      return { search: rows.map((row) => row.hit) };
    }
    default:
      return undefined;
  }
}

async function main(): Promise<void> {
  const driver = neo4j.driver(neo4jConnection().uri, neo4jAuth(), { disableLosslessIntegers: true, notificationFilter: { minimumSeverityLevel: 'OFF' } });
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    answer(driver, url.pathname, url.searchParams).then(
      (data) => {
        if (data === undefined) {
          response.writeHead(404).end();
          return;
        }
        const body = JSON.stringify({ data });
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
      },
      (error: unknown) => {
        console.error(error);
        response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'internal error' }] }));
      },
    );
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  announce(server, async () => {
    server.close();
    await driver.close();
  });
}

await main();
