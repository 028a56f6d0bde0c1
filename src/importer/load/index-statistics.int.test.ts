import { afterAll, describe, expect, it } from 'vitest';
import { clearGraph, openTestDatabase } from '../../../tests/neo4j.js';
import { pageFileName, renderRolePage } from '../../generator/role-page.writer.js';
import { generateTaxonomy } from '../../generator/taxonomy.generator.js';
import { parseRolePage } from '../parse/page.parser.js';
import { loadPages } from './graph.loader.js';

const database = openTestDatabase();
afterAll(() => database.close());

/** The index operators of a query's plan, which EXPLAIN makes without running it. */
async function indexOperators(query: string): Promise<string[]> {
  const session = database.driver.session();
  try {
    const { summary } = await session.run(`EXPLAIN ${query}`, { ids: ['a', 'b'], roleId: 'a', skillId: 'b' });
    const operators = (plan: { operatorType: string; children: unknown[] }): string[] => [
      plan.operatorType.replace(/@.*/, ''),
      ...plan.children.flatMap((child) => operators(child as typeof plan)),
    ];
    return operators(summary.plan as unknown as { operatorType: string; children: unknown[] }).filter((operator) => /Index/.test(operator));
  } finally {
    await session.close();
  }
}

describe('an import into an empty graph', () => {
  it('leaves Neo4j statistics that plan lookups by id as seeks, not scans of the whole index', async () => {
    await clearGraph(database);
    // The statistics of the empty graph, as Neo4j keeps them until it samples again.
    await database.write('CALL db.resampleOutdatedIndexes()');
    const taxonomy = generateTaxonomy({ roles: 300, skills: 1200, links: 12_000, transitions: 900, seed: 11, zipfExponent: 0.65 });
    await loadPages(database, taxonomy.roles.map((role, index) => parseRolePage(renderRolePage(taxonomy, index), pageFileName(role))));

    // Two lookups of the write path, whose plans scanned every skill id right after the 3,000-role import.
    expect(await indexOperators('UNWIND $ids AS id MATCH (s:Skill {id: id})<-[:REQUIRES_SKILL]-(b) RETURN b')).toEqual(['NodeUniqueIndexSeek']);
    expect(await indexOperators('MATCH (r:Role {id: $roleId})-[q:REQUIRES_SKILL]->(s:Skill {id: $skillId}) DELETE q')).toEqual([
      'NodeUniqueIndexSeek(Locking)',
      'NodeUniqueIndexSeek(Locking)',
    ]);
  });
});
