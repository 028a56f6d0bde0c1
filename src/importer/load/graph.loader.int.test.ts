import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { canonicalDumpGraph, countGraph, dumpGraph } from '../../../tests/graph-dump.js';
import { clearGraph, openTestDatabase } from '../../../tests/neo4j.js';
import { loadPages, loadPagesInRuns } from './graph.loader.js';
import { PartialImportError } from './partial-import.error.js';
import type { RolePage } from '../parse/page.model.js';
import { parseRolePage } from '../parse/page.parser.js';
import { collectPageFiles, readPages } from '../read/pages.reader.js';
import { PageFormatError } from '../page-format.error.js';

const database = openTestDatabase();
afterAll(() => database.close());
beforeEach(() => clearGraph(database));

const seedPages = async () => readPages(await collectPageFiles(['seed']));
const vpPage = async () => readPages(['seed/vp.md']);

/** One value of the graph, read with a query that returns a single row. */
async function one<T>(query: string, parameters: Record<string, unknown> = {}): Promise<T> {
  const [row] = await database.read<{ value: T }>(query, parameters);
  return (row as { value: T }).value;
}

describe('loading the VP page', () => {
  beforeEach(async () => {
    await loadPages(database, await vpPage());
  });

  it('creates the role with its title and question', async () => {
    const role = await one<Record<string, unknown>>("MATCH (r:Role {id: 'vp'}) RETURN r {.title, .label, .question, .pageFile} AS value");
    expect(role).toEqual({ title: 'VP of Engineering', label: 'VP', question: 'How does engineering drive business success?', pageFile: 'seed/vp.md' });
  });

  it('has 20 responsibilities in 5 areas', async () => {
    const rows = await database.read<{ area: string; n: number }>(
      "MATCH (:Role {id: 'vp'})-[:HAS_RESPONSIBILITY]->(x) RETURN x.area AS area, count(*) AS n ORDER BY area",
    );
    expect(rows).toEqual([
      { area: 'Business Partnership', n: 4 },
      { area: 'Execution Oversight', n: 4 },
      { area: 'External Presence', n: 4 },
      { area: 'Organizational Leadership', n: 4 },
      { area: 'Strategic Leadership', n: 4 },
    ]);
  });

  it('has 26 skills in 6 categories', async () => {
    const rows = await database.read<{ category: string; n: number }>(
      "MATCH (:Role {id: 'vp'})-[q:REQUIRES_SKILL]->(s:Skill)-[:IN_CATEGORY]->(c:SkillCategory) WHERE q.derived IS NULL RETURN c.name AS category, count(DISTINCT s) AS n ORDER BY category",
    );
    expect(rows.map((row) => row.n).reduce((a, b) => a + b)).toBe(26);
    expect(rows).toHaveLength(6);
    expect(rows.find((row) => row.category === 'Executive Leadership')?.n).toBe(5);
    expect(await one("MATCH (s:Skill {id: 'p-and-l-management'}) RETURN s.name AS value")).toBe('P&L management');
  });

  it('has transitions to CTO and CEO, each with 4 shifts, 4 actions, 5 pitfalls and 5 readiness indicators', async () => {
    const rows = await database.read<Record<string, unknown>>(`
      MATCH (:Role {id: 'vp'})-[:HAS_TRANSITION]->(t:Transition)-[:LEADS_TO]->(to:Role)
      RETURN to.id AS to, to.title AS title,
        COUNT { (t)-[:REQUIRES_SHIFT]->() } AS shifts,
        COUNT { (t)-[:HAS_ACTION]->() } AS actions,
        COUNT { (t)-[:HAS_ACTION]->(a) WHERE a.example IS NOT NULL } AS examples,
        COUNT { (t)-[:HAS_PITFALL]->() } AS pitfalls,
        COUNT { (t)-[:HAS_INDICATOR]->() } AS readiness,
        [t.minYears, t.maxYears, t.openEnded] AS years
      ORDER BY to`);
    expect(rows).toEqual([
      { to: 'ceo', title: 'CEO', shifts: 4, actions: 4, examples: 4, pitfalls: 5, readiness: 5, years: [5, 10, true] },
      { to: 'cto', title: 'CTO', shifts: 4, actions: 4, examples: 3, pitfalls: 5, readiness: 5, years: [5, 10, true] },
    ]);
    const example = await one("MATCH (:Transition {id: 'vp-to-cto'})-[:HAS_ACTION]->(a {title: 'Develop Deep Product Intuition'}) RETURN a.example AS value");
    expect(example).toMatch(/^Lead a product discovery initiative\./);
    expect(await one("MATCH (:Role {id: 'vp'})-[d:TRANSITIONS_TO]->(:Role {id: 'cto'}) RETURN d.transitionId AS value")).toBe('vp-to-cto');
  });

  it('keeps the activities by slot, the scope and the comparison facts of every column', async () => {
    const slots = await database.read("MATCH (:Role {id: 'vp'})-[:HAS_ACTIVITY]->(a) RETURN a.slot AS slot, count(*) AS n ORDER BY slot");
    expect(slots).toEqual([
      { slot: 'Ad-hoc', n: 4 },
      { slot: 'Morning', n: 3 },
      { slot: 'Recurring Meetings', n: 5 },
      { slot: 'Strategic Work', n: 5 },
    ]);
    const scope = await database.read("MATCH (:Role {id: 'vp'})-[:HAS_SCOPE]->(s) RETURN s.key AS key, s.value AS value ORDER BY s.sourceLine");
    expect(scope).toEqual([
      { key: 'Direct reports', value: '4-8 Directors/Senior Directors' },
      { key: 'Org size', value: '100-500+ engineers' },
      { key: 'Span', value: 'Entire engineering function or major division' },
    ]);
    const facts = await database.read("MATCH (r:Role)-[:HAS_FACT]->(f) RETURN r.id AS role, count(*) AS n ORDER BY role");
    expect(facts).toEqual([
      { role: 'ceo', n: 11 },
      { role: 'cto', n: 11 },
      { role: 'vp', n: 11 },
    ]);
    expect(await one("MATCH (:Role {id: 'cto'})-[:HAS_FACT]->(f {dimension: 'Metaphor'}) RETURN f.value AS value")).toBe('Chief architect of the product');
  });

  it('records the source file and line of every node and relationship', async () => {
    // The lock that writers take is no part of the content.
    expect(await one('MATCH (n) WHERE NOT n:GraphWriteLock AND (n.sourceFile IS NULL OR n.sourceLine IS NULL) RETURN count(n) AS value')).toBe(0);
    expect(await one('MATCH ()-[r]->() WHERE r.sourceFile IS NULL OR r.sourceLine IS NULL RETURN count(r) AS value')).toBe(0);
    expect(await one("MATCH (:Role {id: 'vp'})-[:HAS_SCOPE]->(s {key: 'Org size'}) RETURN s.sourceFile + ':' + s.sourceLine AS value")).toBe('seed/vp.md:91');
  });
});

describe('loading the seed', () => {
  it('leaves identical counts when run twice, and reports nothing new the second time', async () => {
    const first = await loadPages(database, await seedPages());
    const counts = await countGraph(database);
    const second = await loadPages(database, await seedPages());
    expect(await countGraph(database)).toEqual(counts);
    expect(second.created).toEqual({});
    expect(second.updated).toEqual({});
    expect(second.removed).toEqual({});
    expect(first.created.Role).toBe(6);
  });

  it('counts what a first import into an empty graph creates as it counts an import into a graph holding something else', async () => {
    const intoEmpty = await loadPages(database, await seedPages());
    await clearGraph(database);
    await database.write("CREATE (:Role {id: 'somebody-elses', title: 'Somebody else', pageFile: 'elsewhere.md', sourceFile: 'elsewhere.md', sourceLine: 1})");
    const beside = await loadPages(database, await seedPages());
    expect(intoEmpty.created).toEqual(beside.created);
    expect(intoEmpty.created.REQUIRES_SKILL).toBeGreaterThan(0);
    expect([intoEmpty.updated, intoEmpty.removed, beside.updated, beside.removed]).toEqual([{}, {}, {}, {}]);
  });

  it('makes a skill that two pages name one node', async () => {
    await loadPages(database, await seedPages());
    expect(await one("MATCH (s:Skill {id: 'change-management'}) RETURN count(s) AS value")).toBe(1);
    const roles = await database.read("MATCH (r:Role)-[q:REQUIRES_SKILL]->(:Skill {id: 'change-management'}) WHERE q.derived IS NULL RETURN r.id AS id ORDER BY id");
    expect(roles).toEqual([{ id: 'director' }, { id: 'vp' }]);
  });

  it('derives every role\'s level from the longest path of transitions leading to it', async () => {
    await loadPages(database, await seedPages());
    const levels = await database.read('MATCH (r:Role) RETURN r.id AS id, r.level AS level ORDER BY level, id');
    expect(levels).toEqual([
      { id: 'individual-contributor', level: 1 },
      { id: 'manager', level: 2 },
      { id: 'director', level: 3 },
      { id: 'vp', level: 4 },
      { id: 'ceo', level: 5 },
      { id: 'cto', level: 5 },
    ]);
  });

  it('gives roles without a page the skills their transitions\' actions and indicators develop', async () => {
    await loadPages(database, await seedPages());
    const ceo = await database.read<{ id: string }>("MATCH (:Role {id: 'ceo'})-[q:REQUIRES_SKILL {derived: true}]->(s) RETURN s.id AS id ORDER BY id");
    expect(ceo.map((row) => row.id)).toContain('p-and-l-management');
    expect(await one("MATCH (:Role {id: 'vp'})-[q:REQUIRES_SKILL {derived: true}]->() RETURN count(q) AS value")).toBe(0);
  });
});

describe('facts one page states about another page\'s role', () => {
  it('keep their own source and never overwrite that role\'s page, whichever is imported first', async () => {
    for (const order of [['seed/director.md', 'seed/vp.md'], ['seed/vp.md', 'seed/director.md']]) {
      await clearGraph(database);
      for (const file of order) await loadPages(database, await readPages([file]));
      expect(await one("MATCH (r:Role {id: 'vp'}) RETURN r.title AS value")).toBe('VP of Engineering');
      const sources = await database.read("MATCH (:Role {id: 'vp'})-[:HAS_FACT]->(f) RETURN DISTINCT f.sourceFile AS file ORDER BY file");
      expect(sources).toEqual([{ file: 'seed/director.md' }, { file: 'seed/vp.md' }]);
    }
  });
});

describe('importing a page again', () => {
  const page = (skills: string, responsibility: string): RolePage =>
    parseRolePage(
      ['---', 'label: Staff Engineer', '---', '# Staff Engineer', '', '## Core Responsibilities', '', '### Technical Leadership', `- ${responsibility}`, '', '## Key Skill Sets', '', '| Category | Skills |', '|---|---|', `| **Technical** | ${skills} |`, ''].join('\n'),
      'pages/staff.md',
    );

  it('replaces what the page contributed: no duplicates, nothing stale', async () => {
    await loadPages(database, [page('System design, Mentoring', 'Set technical direction')]);
    const report = await loadPages(database, [page('System design, Writing', 'Set technical direction across teams')]);
    expect(report.created).toMatchObject({ Skill: 1, Responsibility: 1 });
    expect(report.removed).toMatchObject({ Skill: 1, Responsibility: 1 });
    const skills = await database.read("MATCH (:Role {id: 'staff-engineer'})-[:REQUIRES_SKILL]->(s) RETURN s.id AS id ORDER BY id");
    expect(skills).toEqual([{ id: 'system-design' }, { id: 'writing' }]);
    expect(await one("MATCH (s:Skill {id: 'mentoring'}) RETURN count(s) AS value")).toBe(0);
    expect(await one('MATCH (x:Responsibility) RETURN collect(x.text) AS value')).toEqual(['Set technical direction across teams']);
  });

  it('does not report a skill as removed, or created again, while another page still needs it', async () => {
    const principal = parseRolePage(['# Principal Engineer', '', '## Key Skill Sets', '', '| Category | Skills |', '|---|---|', '| **Technical** | Mentoring |', ''].join('\n'), 'pages/principal.md');
    await loadPages(database, [page('System design, Mentoring', 'Set technical direction'), principal]);
    const dropped = await loadPages(database, [page('System design', 'Set technical direction')]);
    expect(dropped.removed).toEqual({ REQUIRES_SKILL: 1, IN_CATEGORY: 1 });
    expect(await one("MATCH (s:Skill {id: 'mentoring'}) RETURN count(s) AS value")).toBe(1);
    const restored = await loadPages(database, [page('System design, Mentoring', 'Set technical direction')]);
    expect(restored.created).toEqual({ REQUIRES_SKILL: 1, IN_CATEGORY: 1 });
  });

  it('reports a changed value as updated', async () => {
    await loadPages(database, await vpPage());
    const [vp] = await vpPage();
    const edited = { ...(vp as RolePage), role: { ...(vp as RolePage).role, question: 'What does engineering make possible?' } };
    const report = await loadPages(database, [edited]);
    expect(report.updated).toEqual({ Role: 1 });
    expect(report.created).toEqual({});
  });
});

describe('a failed import', () => {
  it('leaves the database exactly as it was when a page fails while being written', async () => {
    await loadPages(database, await seedPages());
    const before = await dumpGraph(database);
    const [vp] = await vpPage();
    // A property value Neo4j cannot store makes the write fail half-way through the run.
    const broken = { ...(vp as RolePage), scope: [{ key: 'Org size', value: { not: 'storable' } as unknown as string, line: 91 }] };
    await expect(loadPages(database, [broken])).rejects.toThrow();
    expect(await dumpGraph(database)).toBe(before);
  });

  it('rejects a second page that defines the same role, naming both files', async () => {
    const [vp] = await vpPage();
    const copy = { ...(vp as RolePage), file: 'other/vp-copy.md' };
    const error = await loadPages(database, [vp as RolePage, copy]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PageFormatError);
    expect((error as Error).message).toBe('other/vp-copy.md:9: role "vp" is already defined by seed/vp.md');
    expect(await countGraph(database)).toEqual({});
  });
});

describe('an import in several runs', () => {
  // A page that names the principal engineer by an alias only the principal's own page, in a later run, defines.
  const staff = parseRolePage(
    ['---', 'label: Staff Engineer', '---', '# Staff Engineer', '', '## Key Skill Sets', '', '| Category | Skills |', '|---|---|', '| **Technical** | System design, Mentoring |', '', '## Transition to Distinguished', '', '### Timeline', 'Typically 2-4 years.', ''].join('\n'),
    'pages/a-staff.md',
  );
  const principal = parseRolePage(
    ['---', 'label: Principal Engineer', 'aliases: [Distinguished]', '---', '# Principal Engineer', '', '## Key Skill Sets', '', '| Category | Skills |', '|---|---|', '| **Technical** | System design, Architecture |', ''].join('\n'),
    'pages/b-principal.md',
  );

  it('leaves the graph one transaction leaves, derived facts and names of roles that later runs define included', async () => {
    const pages = [staff, ...(await seedPages()), principal];
    await loadPages(database, pages);
    const inOne = await canonicalDumpGraph(database);
    await clearGraph(database);
    const report = await loadPagesInRuns(database, pages, 2);
    expect(await canonicalDumpGraph(database)).toBe(inOne);
    expect(await one("MATCH (:Role {id: 'staff-engineer'})-[:TRANSITIONS_TO]->(r) RETURN r.id AS value")).toBe('principal-engineer');
    expect(report.files).toEqual(pages.map((page) => page.file));
    expect(report.created.Role).toBe(8);
  });

  it('refuses a role that pages of two runs define before writing anything', async () => {
    const [vp] = await vpPage();
    const copy = { ...(vp as RolePage), file: 'other/vp-copy.md' };
    const error = await loadPagesInRuns(database, [vp as RolePage, staff, copy], 1).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PageFormatError);
    expect((error as Error).message).toBe('other/vp-copy.md:9: role "vp" is already defined by seed/vp.md');
    expect(await countGraph(database)).toEqual({});
  });

  it('keeps the runs before a failed one, none of it, says which, and leaves derived facts for the next write to redo', async () => {
    const seed = await seedPages();
    const vp = seed.find((page) => page.file === 'seed/vp.md') as RolePage;
    // A property value Neo4j cannot store makes the second run fail while it writes.
    const broken = { ...vp, scope: [{ key: 'Org size', value: { not: 'storable' } as unknown as string, line: 91 }] };
    const pages = [...seed.filter((page) => page !== vp), broken];
    const error = await loadPagesInRuns(database, pages, 3).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PartialImportError);
    expect(error).toMatchObject({ importedFiles: ['seed/director.md', 'seed/individual-contributor.md', 'seed/manager.md'], failedRun: { index: 2, of: 2 } });
    expect((error as Error).message).toMatch(/Run 2 of 2 was not imported, nor any after it; run 1 was \(3 of 4 pages, seed\/director\.md to seed\/manager\.md\)/);
    expect(await one("MATCH (r:Role) WHERE r.pageFile IS NOT NULL RETURN collect(r.id) AS value")).toEqual(expect.arrayContaining(['director', 'individual-contributor', 'manager']));
    expect(await one("MATCH (r:Role {id: 'vp'}) RETURN r.pageFile AS value")).toBeNull();
    expect(await one('MATCH (lock:GraphWriteLock) RETURN lock.derivedFacts AS value')).toBeNull();

    // Importing the same pages again finishes it: the graph one transaction gives.
    await loadPagesInRuns(database, seed, 3);
    const inRuns = await canonicalDumpGraph(database);
    await clearGraph(database);
    await loadPages(database, seed);
    expect(inRuns).toBe(await canonicalDumpGraph(database));
  });
});
