import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ManagedTransaction } from 'neo4j-driver';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { clearGraph, openTestDatabase } from '../../tests/neo4j.js';
import { CurationRepository } from '../curation/curation.repository.js';
import { writeGeneratedPages } from '../generator/page-folder.writer.js';
import { Random } from '../generator/random.js';
import { generateTaxonomy } from '../generator/taxonomy.generator.js';
import { loadPages } from '../importer/load/graph.loader.js';
import { collectPageFiles, readPages } from '../importer/read/pages.reader.js';
import { run } from '../neo4j/database.js';
import { readRolesAbove, refreshDerivedFacts } from './derived-facts.writer.js';

// A curator's write derives again only what it changes; each test here checks, after every write, that the
// derived facts are exactly those a recount of the whole graph gives, on a small generated taxonomy plus the
// seed (whose CTO and CEO have no page, so they inherit and develop skills).

const database = openTestDatabase();
const writers = [openTestDatabase(), openTestDatabase()] as const;
afterAll(() => Promise.all([database, ...writers].map((db) => db.close())));

beforeEach(async () => {
  await clearGraph(database);
  const folder = await mkdtemp(join(tmpdir(), 'career-graph-derived-'));
  try {
    await writeGeneratedPages(folder, generateTaxonomy({ roles: 60, skills: 250, links: 1000, transitions: 130, seed: 14, zipfExponent: 0.65 }));
    await loadPages(database, await readPages(await collectPageFiles([folder, 'seed'])));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

const factQueries = {
  roles: 'MATCH (r:Role) RETURN r.id AS role, r.level AS level, r.skillCount AS skillCount ORDER BY role',
  derivedSkills: `
    MATCH (r:Role)-[q:REQUIRES_SKILL {derived: true}]->(s:Skill)
    RETURN r.id AS role, s.id AS skill, properties(q) AS link ORDER BY role, skill`,
  developments: `
    MATCH (t:Transition)-[d:DEVELOPS]->(x)
    RETURN t.id AS transition, labels(x)[0] AS kind, x.id AS target, properties(d) AS evidence
    ORDER BY transition, kind, target, evidence.sourceFile, evidence.sourceLine, evidence.text`,
  centrality: 'MATCH (s:Skill) RETURN s.id AS skill, s.roleCount AS roleCount, s.betweenness AS betweenness, s.sharedPairs AS sharedPairs ORDER BY skill',
};

type Facts = Record<keyof typeof factQueries, unknown[]>;

async function readFacts(tx: ManagedTransaction): Promise<Facts> {
  const facts: Partial<Facts> = {};
  for (const [name, query] of Object.entries(factQueries)) facts[name as keyof Facts] = await run(tx, query);
  return facts as Facts;
}

class RolledBack extends Error {}

/** The derived facts as the writes left them, and as a full recompute of the same graph gives them (rolled back). */
async function incrementalAndFull(): Promise<{ incremental: Facts; full: Facts }> {
  let result: { incremental: Facts; full: Facts } | undefined;
  await database
    .writeTransaction(async (tx) => {
      const incremental = await readFacts(tx);
      await refreshDerivedFacts(tx);
      result = { incremental, full: await readFacts(tx) };
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return result as { incremental: Facts; full: Facts };
}

async function expectDerivedAsFull(after: string): Promise<void> {
  const { incremental, full } = await incrementalAndFull();
  for (const name of Object.keys(factQueries) as (keyof Facts)[]) expect(incremental[name], `${name} after ${after}`).toEqual(full[name]);
}

/** Random curators' edits, each drawn from the graph as it is now. */
class Mutations {
  private created = 0;

  constructor(
    private readonly random: Random,
    private readonly curation: CurationRepository,
  ) {}

  private async ids(query: string): Promise<string[]> {
    return (await database.read<{ id: string }>(query)).map((row) => row.id);
  }

  /** Performs one edit and says what it was. */
  async next(): Promise<string> {
    const { random, curation } = this;
    const roles = await this.ids('MATCH (r:Role) RETURN r.id AS id ORDER BY id');
    const pageless = await this.ids('MATCH (r:Role) WHERE r.pageFile IS NULL RETURN r.id AS id ORDER BY id');
    const role = random.pick(roles);
    const kind = random.pick(['addSkill', 'addSkill', 'newSkill', 'newSkill', 'removeSkill', 'removeSkill', 'unlist', 'transition', 'transition', 'deleteTransition', 'createRole', 'deleteRole', 'updateRole'] as const);
    switch (kind) {
      case 'addSkill': {
        const skill = random.pick(await this.ids('MATCH (s:Skill) RETURN s.id AS id ORDER BY id'));
        const category = random.chance(0.5) ? random.pick(['Aaa first', 'Curated', 'Zzz last']) : null;
        await curation.addSkill(role, { id: skill, name: skill, category, categoryId: category?.toLowerCase().replace(/ /g, '-') ?? null });
        return `addSkill(${role}, ${skill}, ${category})`;
      }
      case 'newSkill': {
        // Words of a transition's text, so that the new skill is developed where that text is.
        const texts = await this.ids('MATCH (:Transition)-[:HAS_ACTION|REQUIRES_SHIFT|HAS_INDICATOR]->(x) WITH coalesce(x.title, x.to, x.text) AS id WHERE id IS NOT NULL RETURN DISTINCT id ORDER BY id');
        const words = random.pick(texts).split(/\s+/).filter((word) => /^[A-Za-z]{3,}$/.test(word));
        const start = random.below(Math.max(1, words.length - 1));
        const name = words.slice(start, start + 1 + random.below(2)).join(' ') || 'Curation';
        this.created += 1;
        const id = `curated-skill-${this.created}`;
        await curation.addSkill(role, { id, name, category: null, categoryId: null });
        return `addSkill(${role}, new "${name}")`;
      }
      case 'removeSkill': {
        const skills = (await database.read<{ id: string }>('MATCH (:Role {id: $role})-[:REQUIRES_SKILL]->(s) RETURN s.id AS id ORDER BY id', { role })).map((row) => row.id);
        if (skills.length === 0) return 'nothing';
        const skill = random.pick(skills);
        await curation.removeSkill(role, skill);
        return `removeSkill(${role}, ${skill})`;
      }
      case 'unlist': {
        // The last role that states a skill some transition develops stops stating it: it is no longer listed.
        const [rare] = await database.read<{ skill: string; holders: string[] }>(`
          MATCH (:Transition)-[:DEVELOPS]->(s:Skill)<-[q:REQUIRES_SKILL]-(r:Role) WHERE q.derived IS NULL
          WITH s, collect(DISTINCT r.id) AS holders ORDER BY size(holders), s.id LIMIT 1
          RETURN s.id AS skill, holders`);
        if (!rare) return 'nothing';
        for (const holder of rare.holders) await curation.removeSkill(holder, rare.skill);
        return `removeSkill(${rare.holders.join(', ')}, ${rare.skill})`;
      }
      case 'transition': {
        const to = random.chance(0.5) && pageless.length > 0 ? random.pick(pageless) : random.pick(roles);
        if (to === role) return 'nothing';
        await curation.upsertTransition(role, to, { timelineText: null, minYears: null, maxYears: null, openEnded: false });
        return `upsertTransition(${role}, ${to})`;
      }
      case 'deleteTransition': {
        const [move] = await database.read<{ from: string; to: string }>(
          'MATCH (a:Role)-[:HAS_TRANSITION]->(:Transition)-[:LEADS_TO]->(b:Role) RETURN a.id AS from, b.id AS to ORDER BY from, to SKIP $skip LIMIT 1',
          { skip: random.below(100) },
        );
        if (!move) return 'nothing';
        await curation.deleteTransition(move.from, move.to);
        return `deleteTransition(${move.from}, ${move.to})`;
      }
      case 'createRole': {
        this.created += 1;
        await curation.createRole(`curated-role-${this.created}`, { title: `Curated role ${this.created}` });
        return `createRole(curated-role-${this.created})`;
      }
      case 'deleteRole':
        await curation.deleteRole(role);
        return `deleteRole(${role})`;
      case 'updateRole':
        await curation.updateRole(role, { title: `${role} renamed` });
        return `updateRole(${role})`;
    }
  }
}

describe("a curator's write derives only what it changes", { timeout: 300_000 }, () => {
  it('leaves after every write of a random sequence the derived facts a full recompute gives', async () => {
    await expectDerivedAsFull('the import');
    const mutations = new Mutations(new Random(2026), new CurationRepository(database));
    for (let step = 0; step < 30; step += 1) await expectDerivedAsFull(`step ${step}: ${await mutations.next()}`);
  });

  it('leaves after two writes that commit at the same time the derived facts a full recompute gives', async () => {
    const [first, second] = writers.map((writer, index) => new Mutations(new Random(100 + index), new CurationRepository(writer)));
    for (let round = 0; round < 8; round += 1) {
      // Both edits are drawn from the same graph, then run at once: the write lock orders them.
      const edits = await Promise.all([(first as Mutations).next(), (second as Mutations).next()]);
      await expectDerivedAsFull(`round ${round}: ${edits.join(' and ')}`);
    }
  });

  it('keeps levels exact when a transition closes a cycle, when one leads into it and when it opens again', async () => {
    const curation = new CurationRepository(database);
    // The longest chain of three roles, so that the cycle and what leads into it change levels above them.
    const [chain] = await database.read<{ a: string; b: string; c: string }>(`
      MATCH (x:Role)-[:TRANSITIONS_TO]->(y:Role)-[:TRANSITIONS_TO]->(z:Role) WHERE x <> z
      RETURN x.id AS a, y.id AS b, z.id AS c ORDER BY z.level DESC, a, b, c LIMIT 1`);
    const [outside] = await database.read<{ id: string }>('MATCH (r:Role) WHERE r.level = 1 AND NOT r.id IN $ids RETURN r.id AS id ORDER BY id LIMIT 1', { ids: Object.values(chain ?? {}) });
    if (!chain || !outside) throw new Error('the generated graph has no chain of three roles');
    const transition = { timelineText: null, minYears: null, maxYears: null, openEnded: false };
    await curation.upsertTransition(chain.c, chain.a, transition);
    await expectDerivedAsFull(`the cycle ${chain.a} → ${chain.b} → ${chain.c} → ${chain.a}`);
    await curation.upsertTransition(outside.id, chain.b, transition);
    await expectDerivedAsFull(`${outside.id} → ${chain.b}, into the cycle`);
    await curation.deleteTransition(chain.c, chain.a);
    await expectDerivedAsFull('the cycle opened again');
    await curation.deleteRole(chain.a);
    await expectDerivedAsFull(`deleteRole(${chain.a})`);
  });

  it('reads each role above several starts once, with every role leading to it', async () => {
    const edges = await database.read<{ from: string; to: string }>('MATCH (a:Role)-[:TRANSITIONS_TO]->(b:Role) RETURN a.id AS from, b.id AS to');
    // Two starts with a role above both, so that a query returning a role once per start shows it twice.
    const [starts] = await database.read<{ a: string; b: string }>(`
      MATCH (a:Role)-[:TRANSITIONS_TO]->(:Role)<-[:TRANSITIONS_TO]-(b:Role) WHERE a.id < b.id
      RETURN a.id AS a, b.id AS b ORDER BY a, b LIMIT 1`);
    if (!starts) throw new Error('the generated graph has no two roles leading to the same role');
    const above = new Set([starts.a, starts.b]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const { from, to } of edges) if (above.has(from) && !above.has(to)) grew = above.add(to).size > 0;
    }
    const roles = await database.readTransaction((tx) => readRolesAbove(tx, [starts.a, starts.b]));
    expect(roles.map((role) => role.id).sort()).toEqual([...above].sort());
    for (const role of roles) {
      expect(role.from.map((from) => from.id).sort(), `the roles leading to ${role.id}`).toEqual(edges.filter((edge) => edge.to === role.id).map((edge) => edge.from).sort());
    }
  });

  it("takes an action's own capability away while a skill its title names is listed, and gives it back after", async () => {
    const curation = new CurationRepository(database);
    // An action that develops a capability of its own: its title names no listed skill.
    const [action] = await database.read<{ id: string; title: string }>(`
      MATCH (:Transition)-[:DEVELOPS]->(a:Action) RETURN a.id AS id, a.title AS title ORDER BY id LIMIT 1`);
    const [{ id: role } = { id: '' }] = await database.read<{ id: string }>('MATCH (r:Role) WHERE r.pageFile IS NOT NULL RETURN r.id AS id ORDER BY id LIMIT 1');
    if (!action) throw new Error('no action develops a capability of its own');
    const capability = `MATCH (:Transition)-[:DEVELOPS]->(a:Action {id: $id}) RETURN count(*) AS developed`;
    // A skill named as the whole title: every stem of its name is in the title.
    await curation.addSkill(role, { id: 'title-skill', name: action.title, category: null, categoryId: null });
    expect(await database.read(capability, { id: action.id })).toEqual([{ developed: 0 }]);
    await expectDerivedAsFull(`listing a skill named "${action.title}"`);
    await curation.removeSkill(role, 'title-skill');
    expect(await database.read(capability, { id: action.id })).toEqual([{ developed: 1 }]);
    await expectDerivedAsFull(`unlisting it again`);
  });

  it('gives a role without a page the skill its new predecessor gained at the same time', async () => {
    const [one, other] = writers.map((writer) => new CurationRepository(writer)) as [CurationRepository, CurationRepository];
    const [{ id: predecessor } = { id: '' }] = await database.read<{ id: string }>('MATCH (r:Role) WHERE r.pageFile IS NOT NULL RETURN r.id AS id ORDER BY id LIMIT 1');
    await one.createRole('successor', { title: 'Successor' });
    // Whichever commits first, the other derives from it: the successor's only predecessor states the skill.
    await Promise.all([
      one.addSkill(predecessor, { id: 'concurrent-skill', name: 'Concurrent skill', category: null, categoryId: null }),
      other.upsertTransition(predecessor, 'successor', { timelineText: null, minYears: null, maxYears: null, openEnded: false }),
    ]);
    expect(await database.read("MATCH (:Role {id: 'successor'})-[q:REQUIRES_SKILL]->(:Skill {id: 'concurrent-skill'}) RETURN q.bases AS bases")).toEqual([{ bases: ['INHERITED'] }]);
    await expectDerivedAsFull('the two writes');
  });
});
