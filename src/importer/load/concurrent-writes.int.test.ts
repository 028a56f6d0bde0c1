import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { countGraph } from '../../../tests/graph-dump.js';
import { clearGraph, openTestDatabase } from '../../../tests/neo4j.js';
import { CurationRepository } from '../../curation/curation.repository.js';
import { loadPages } from './graph.loader.js';
import { collectPageFiles, readPages } from '../read/pages.reader.js';

// Each writer has a driver of its own, as two `npm run import` processes or an import and the API would.
const database = openTestDatabase();
const writers = [openTestDatabase(), openTestDatabase(), openTestDatabase()] as const;
afterAll(() => Promise.all([database, ...writers].map((db) => db.close())));
beforeEach(() => clearGraph(database));

const importSeed = async (writer = database) => loadPages(writer, await readPages(await collectPageFiles(['seed'])));

/**
 * Relationships of one type between the same two nodes from the same source line: one line states a fact once.
 * (Two pages may each state a fact, such as a skill's category: two relationships with different sources.)
 */
async function duplicateRelationships(): Promise<string[]> {
  const rows = await database.read<{ duplicate: string }>(`
    MATCH (a)-[r]->(b)
    WITH a, type(r) AS type, b, r.sourceFile AS file, r.sourceLine AS line, count(r) AS copies WHERE copies > 1
    RETURN a.id + ' -' + type + '-> ' + b.id + ' (' + file + ':' + coalesce(toString(line), '') + ') ×' + copies AS duplicate
    ORDER BY duplicate`);
  return rows.map((row) => row.duplicate);
}

// Each test imports the seed three or four times, one after another once the writes serialise.
describe('writers at the same time', { timeout: 300_000 }, () => {
  it('two imports of the same folder leave the graph that one import leaves', async () => {
    await importSeed();
    expect(await duplicateRelationships()).toEqual([]);
    const once = await countGraph(database);
    await clearGraph(database);

    await Promise.all([importSeed(writers[0]), importSeed(writers[1])]);

    expect(await duplicateRelationships()).toEqual([]);
    expect(await countGraph(database)).toEqual(once);
  });

  it("an import alongside curators' edits keeps both, each once", async () => {
    await importSeed();
    const once = await countGraph(database);
    const curation = new CurationRepository(writers[2]);

    await Promise.all([
      importSeed(writers[0]),
      // The same edit twice at once: each replaces the link the other made, so one remains.
      curation.addSkill('vp', { id: 'fuzz-testing', name: 'Fuzz testing', category: null, categoryId: null }),
      new CurationRepository(writers[1]).addSkill('vp', { id: 'fuzz-testing', name: 'Fuzz testing', category: null, categoryId: null }),
      curation.upsertTransition('manager', 'vp', { timelineText: null, minYears: 3, maxYears: 5, openEnded: false }),
      importSeed(writers[1]),
    ]);

    expect(await duplicateRelationships()).toEqual([]);
    const counts = await countGraph(database);
    expect(await database.read("MATCH (:Role {id: 'vp'})-[q:REQUIRES_SKILL]->(:Skill {id: 'fuzz-testing'}) RETURN q.sourceFile AS source")).toEqual([{ source: 'api' }]);
    expect(await database.read("MATCH (:Role {id: 'manager'})-[d:TRANSITIONS_TO]->(:Role {id: 'vp'}) RETURN d.minYears AS min")).toHaveLength(1);
    expect(counts.HAS_RESPONSIBILITY).toBe(once.HAS_RESPONSIBILITY);
    // The seed has no move from manager to VP: the curator's is one more.
    expect(counts.HAS_TRANSITION).toBe((once.HAS_TRANSITION ?? 0) + 1);
  });
});
