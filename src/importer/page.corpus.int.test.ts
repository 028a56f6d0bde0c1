import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../tests/api-server.js';
import { dumpGraph } from '../../tests/graph-dump.js';
import { clearGraph, openTestDatabase } from '../../tests/neo4j.js';
import { loadPages } from './load/graph.loader.js';
import type { ImportReport } from './import.report.js';
import { collectPageFiles, readPages } from './read/pages.reader.js';

const database = openTestDatabase();
let api: TestApi;
let first: ImportReport;

const importCorpus = async () => loadPages(database, await readPages(await collectPageFiles(['tests/pages'])));

beforeAll(async () => {
  await clearGraph(database);
  first = await importCorpus();
  api = await startTestApi(database);
});

afterAll(async () => {
  await api.stop();
  await database.close();
});

describe('importing the corpus of pages in other styles', () => {
  it('makes one role per role, whatever name a page calls it by', async () => {
    const roles = await database.read<{ id: string; hasPage: boolean }>('MATCH (r:Role) RETURN r.id AS id, r.pageFile IS NOT NULL AS hasPage ORDER BY id');
    expect(roles.filter((role) => role.hasPage).map((role) => role.id)).toEqual([
      'data-engineer', 'director', 'engineering-manager', 'frontend-engineer', 'individual-contributor', 'mobile-engineer',
      'principal-engineer', 'product-engineer', 'qa-engineer', 'security-engineer', 'site-reliability-engineer', 'staff-engineer', 'tech-lead',
    ]);
    // Only mentioned: Distinguished Engineer by two pages, VP of Engineering as "VPE" too, Backend Engineer.
    expect(roles.filter((role) => !role.hasPage).map((role) => role.id)).toEqual(['backend-engineer', 'distinguished-engineer', 'vp-of-engineering']);
  });

  it('attaches facts stated under an abbreviation to the role it abbreviates', async () => {
    const facts = await database.read<{ role: string; table: string; count: number }>(`
      MATCH (r:Role)-[:HAS_FACT]->(f {sourceFile: 'tests/pages/individual-contributor.md'})
      RETURN r.id AS role, f.table AS table, count(*) AS count ORDER BY role, table`);
    expect(facts).toEqual([
      { role: 'engineering-manager', table: 'At a Glance', count: 3 },
      { role: 'engineering-manager', table: 'Hours per Week by Activity', count: 3 },
      { role: 'engineering-manager', table: 'IC vs Engineering Manager', count: 2 },
      { role: 'individual-contributor', table: 'At a Glance', count: 3 },
      { role: 'individual-contributor', table: 'Hours per Week by Activity', count: 3 },
      { role: 'individual-contributor', table: 'IC vs Engineering Manager', count: 2 },
    ]);
  });

  it('makes one skill of a name in other cases and spacings, with an id that keeps the acronym', async () => {
    const rows = await database.read<{ roles: string[] }>(
      // The pages that list it; distinguished-engineer, which has no page, inherits it too (a derived link).
      "MATCH (s:Skill {id: 'grpc-design'})<-[q:REQUIRES_SKILL]-(r:Role) WHERE q.derived IS NULL RETURN collect(DISTINCT r.id) AS roles",
    );
    expect(rows[0]?.roles.sort()).toEqual(['individual-contributor', 'principal-engineer', 'staff-engineer', 'tech-lead']);
    expect(await database.read("MATCH (s:Skill) WHERE s.id CONTAINS 'rpc' RETURN s.id AS id")).toEqual([{ id: 'grpc-design' }]);
  });

  it('reports the name two roles answer to where a page uses it', () => {
    expect(first.warnings).toContain('tests/pages/mobile-engineer.md:24: "PE" could be principal-engineer or product-engineer: read as principal-engineer');
  });

  it('changes nothing when the same pages are imported again', async () => {
    const before = await dumpGraph(database);
    const again = await importCorpus();
    expect([again.created, again.updated, again.removed]).toEqual([{}, {}, {}]);
    expect(await dumpGraph(database)).toBe(before);
  });
});

describe('the API on the corpus', () => {
  it('finds a role by an abbreviation its page defines, or one other pages used for it', async () => {
    const response = await api.query<{ ic: { id: string }; vpe: { id: string; title: string } }>(
      '{ ic: role(id: "ic") { id } vpe: role(id: "vpe") { id title } }',
    );
    expect(response.data).toEqual({ ic: { id: 'individual-contributor' }, vpe: { id: 'vp-of-engineering', title: 'VP of Engineering' } });
  });

  it('plans and compares by the abbreviations the pages define, as by the ids they stand for', async () => {
    // individual-contributor.md: "Individual Contributor (IC)" and "## Transition to Engineering Manager (EM)".
    const response = await api.query<{ transitionPlan: { paths: { roles: { id: string }[] }[] }; skillOverlap: { a: { id: string }; b: { id: string } } }>(
      '{ transitionPlan(from: "ic", to: "em", maxHops: 1) { paths { roles { id } } } skillOverlap(a: "ic", b: "em") { a { id } b { id } } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.transitionPlan.paths.map((path) => path.roles.map((role) => role.id))).toEqual([['individual-contributor', 'engineering-manager']]);
    expect(response.data?.skillOverlap).toEqual({ a: { id: 'individual-contributor' }, b: { id: 'engineering-manager' } });
  });

  it('finds a skill by the id an earlier version gave it', async () => {
    const response = await api.query<{ skill: { id: string } }>('{ skill(id: "g-rpc-design") { id } }');
    expect(response.data).toEqual({ skill: { id: 'grpc-design' } });
  });

  it('suggests aliases when nothing has the id', async () => {
    const response = await api.query('{ role(id: "eng-managr") { id } }');
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', suggestions: ['eng-manager'] });
  });
});
