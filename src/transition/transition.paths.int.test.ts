import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../tests/api-server.js';
import { clearGraph, openTestDatabase } from '../../tests/neo4j.js';
import { writeGeneratedPages } from '../generator/page-folder.writer.js';
import { generateTaxonomy } from '../generator/taxonomy.generator.js';
import { loadPages } from '../importer/load/graph.loader.js';
import type { RolePage } from '../importer/parse/page.model.js';
import { collectPageFiles, readPages } from '../importer/read/pages.reader.js';

// A small dense graph: the ladder plus 3 lateral and cross-family moves per role, with cycles (on 60 roles, as
// many paths between two roles as 10 moves a role make on 3,000). Every expectation
// is computed here from the parsed pages (the roles, their skills, their transitions' years) by enumerating
// every simple path, never from the API's answers.

const database = openTestDatabase();
let api: TestApi;
let pages: RolePage[];
let folder: string;

beforeAll(async () => {
  // How fast is the bench's question (D3); a shared, loaded machine must not turn a slow answer into a failure here.
  api = await startTestApi(database, { queryTimeoutMs: 120_000 });
  folder = await mkdtemp(join(tmpdir(), 'career-graph-dense-'));
  await writeGeneratedPages(folder, generateTaxonomy({ roles: 60, skills: 240, links: 1200, transitions: 90, seed: 7, zipfExponent: 0.65, lateralMoves: 3 }));
  pages = await readPages(await collectPageFiles([folder]));
  await clearGraph(database);
  await loadPages(database, pages);
});
afterAll(async () => {
  await api.stop();
  await database.close();
  await rm(folder, { recursive: true, force: true });
});

interface Path {
  roleIds: string[];
  hops: number;
  minYears: number;
  maxYears: number;
  toLearn: number;
}

/** Every simple path of 1 to maxHops transitions (to any role when `to` is null), by depth-first search over the pages' transitions. */
function allPaths(from: string, to: string | null, maxHops: number, have: string[] | null): Path[] {
  const byId = new Map(pages.map((page) => [page.role.id, page]));
  const skillsOf = (id: string) => (byId.get(id)?.skills ?? []).map((skill) => skill.id);
  const known = new Set(have ?? skillsOf(from));
  const found: Path[] = [];
  const walk = (roleIds: string[], minYears: number, maxYears: number) => {
    const here = roleIds[roleIds.length - 1] as string;
    if ((to === null || here === to) && roleIds.length > 1) {
      // Only ranking needs what is left to learn, and only paths to one role are ranked.
      const toLearn = to === null ? 0 : new Set(roleIds.slice(1).flatMap(skillsOf).filter((skill) => !known.has(skill))).size;
      found.push({ roleIds, hops: roleIds.length - 1, minYears, maxYears, toLearn });
    }
    if (roleIds.length > maxHops) return;
    for (const transition of byId.get(here)?.transitions ?? []) {
      const next = transition.target.id;
      if (roleIds.includes(next)) continue;
      const min = transition.timeline?.minYears ?? 0;
      walk([...roleIds, next], minYears + min, maxYears + (transition.timeline?.maxYears ?? min));
    }
  };
  walk([from], 0, 0);
  return found;
}

const rankings = {
  HOPS: (path: Path) => [path.hops, path.minYears, path.maxYears, path.toLearn],
  YEARS: (path: Path) => [path.minYears, path.maxYears, path.hops, path.toLearn],
  SKILLS_TO_LEARN: (path: Path) => [path.toLearn, path.hops, path.minYears, path.maxYears],
};
type Order = keyof typeof rankings;

/** The paths best first by the order's criteria, then by the role ids along them. */
function ranked(paths: Path[], order: Order): string[][] {
  const compare = (a: Path, b: Path): number => {
    const [keysA, keysB] = [rankings[order](a), rankings[order](b)];
    for (let index = 0; index < keysA.length; index += 1) {
      const difference = (keysA[index] as number) - (keysB[index] as number);
      if (difference !== 0) return difference;
    }
    for (let index = 0; index < a.roleIds.length; index += 1) {
      if (a.roleIds[index] !== b.roleIds[index]) return (a.roleIds[index] as string) < (b.roleIds[index] as string) ? -1 : 1;
    }
    return 0;
  };
  return [...paths].sort(compare).map((path) => path.roleIds);
}

let busiest: { from: string; to: string; count: number } | undefined;

/** The pair of roles with the most paths of at most 6 hops between them (from every sixth role): the densest corner of the graph. */
function busiestPair(): { from: string; to: string; count: number } {
  if (busiest) return busiest;
  let best = { from: '', to: '', count: 0 };
  for (const page of pages.filter((_, index) => index % 6 === 0)) {
    const counts = new Map<string, number>();
    for (const path of allPaths(page.role.id, null, 6, null)) counts.set(path.roleIds.at(-1) as string, (counts.get(path.roleIds.at(-1) as string) ?? 0) + 1);
    for (const [to, count] of counts) if (count > best.count) best = { from: page.role.id, to, count };
  }
  busiest = best;
  return best;
}

const plan = `query($from: ID!, $to: ID!, $maxHops: Int!, $orderBy: PathOrder!, $first: Int!, $have: [ID!]) {
  transitionPlan(from: $from, to: $to, maxHops: $maxHops, orderBy: $orderBy, first: $first, have: $have) { truncated paths { roles { id } } }
}`;
const roleIdsOf = (paths: { roles: { id: string }[] }[]) => paths.map((path) => path.roles.map((role) => role.id));

describe('paths on a dense graph with cycles', () => {
  it('has the density it was generated with: many paths between some roles, and cycles', () => {
    const { count } = busiestPair();
    expect(count).toBeGreaterThan(100);
    // A cycle through the first role: a path that leaves it and comes back.
    const first = pages[0]?.role.id as string;
    expect(pages.some((page) => allPaths(first, page.role.id, 3, null).length > 0 && allPaths(page.role.id, first, 3, null).length > 0)).toBe(true);
  });

  it.each(['HOPS', 'YEARS', 'SKILLS_TO_LEARN'] as const)('transitionPlan at maxHops 6 returns the best paths by %s, ranked before the cut, and says it cut', async (orderBy) => {
    const { from, to } = busiestPair();
    const expected = ranked(allPaths(from, to, 6, null), orderBy);
    const { transitionPlan } = await api.data(plan, { from, to, maxHops: 6, orderBy, first: 10 });
    expect(roleIdsOf(transitionPlan.paths)).toEqual(expected.slice(0, 10));
    expect(transitionPlan.truncated).toBe(true);
  });

  it('counts the skills left to learn against the skills given', async () => {
    const { from, to } = busiestPair();
    const have = (pages.find((page) => page.role.id === to)?.skills ?? []).slice(0, 5).map((skill) => skill.id);
    const expected = ranked(allPaths(from, to, 6, have), 'SKILLS_TO_LEARN');
    const { transitionPlan } = await api.data(plan, { from, to, maxHops: 6, orderBy: 'SKILLS_TO_LEARN', first: 10, have });
    expect(roleIdsOf(transitionPlan.paths)).toEqual(expected.slice(0, 10));
  });

  it.each([1, 2, 3, 4, 5])('finds every path of at most %i hops, once each, and says nothing was cut', async (maxHops) => {
    const { from, to } = busiestPair();
    const expected = ranked(allPaths(from, to, maxHops, null), 'HOPS');
    expect(expected.length).toBeLessThanOrEqual(1000);
    const { transitionPlan } = await api.data(plan, { from, to, maxHops, orderBy: 'HOPS', first: 1000 });
    expect(roleIdsOf(transitionPlan.paths)).toEqual(expected);
    expect(transitionPlan.truncated).toBe(false);
  });

  it('says it cut a list exactly as long as the paths of fewer hops, since longer paths follow', async () => {
    const { from, to } = busiestPair();
    const expected = ranked(allPaths(from, to, 6, null), 'HOPS');
    const hopsOf = (path: string[]) => path.length - 1;
    const first = expected.findLastIndex((path) => hopsOf(path) < hopsOf(expected.at(-1) as string[])) + 1;
    expect(first).toBeGreaterThan(0);
    const { transitionPlan } = await api.data(plan, { from, to, maxHops: 6, orderBy: 'HOPS', first });
    expect(roleIdsOf(transitionPlan.paths)).toEqual(expected.slice(0, first));
    expect(transitionPlan.truncated).toBe(true);
  });

  it('answers transitionPaths at maxHops 6 with the same ranked, capped list', async () => {
    const { from, to } = busiestPair();
    const expected = ranked(allPaths(from, to, 6, null), 'YEARS');
    const { transitionPaths } = await api.data(`query($from: ID!, $to: ID!) { transitionPaths(from: $from, to: $to, maxHops: 6, orderBy: YEARS, first: 3) { roles { id } } }`, { from, to });
    expect(roleIdsOf(transitionPaths)).toEqual(expected.slice(0, 3));
  });
});
