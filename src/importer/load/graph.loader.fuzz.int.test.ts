import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGraph } from '../../../tests/api-server.js';
import { dumpGraph } from '../../../tests/graph-dump.js';
import { openTestDatabase } from '../../../tests/neo4j.js';
import { mutatedSeedPage } from '../../../tests/page-mutations.js';
import { loadPages } from './graph.loader.js';
import { PageFormatError } from '../page-format.error.js';
import { parseRolePage } from '../parse/page.parser.js';
import { decodePage } from '../read/page.decoder.js';

const database = openTestDatabase();
beforeAll(() => seedGraph(database));
afterAll(() => database.close());

/** A mutated seed page that the parser reads: what reaches the loader. */
const parsedMutation = mutatedSeedPage.chain(({ file, bytes }) => {
  try {
    return fc.constant(parseRolePage(decodePage(bytes, file), file));
  } catch {
    return fc.constant(null);
  }
}).filter((page) => page !== null);

// Each run imports a page into the seeded graph: a handful keeps the test within a minute on a slow machine.
describe('a seed page with random edits, imported over the seed', () => {
  it('loads, or fails naming file:line and leaves the graph as it was', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(parsedMutation, async (page) => {
        const before = await dumpGraph(database);
        try {
          await loadPages(database, [page]);
        } catch (error) {
          expect(error).toBeInstanceOf(PageFormatError);
          expect((error as Error).message).toMatch(new RegExp(`^${page.file}:\\d+: \\S`));
          expect(await dumpGraph(database)).toBe(before);
          return;
        }
        const [role] = await database.read<{ pageFile: string }>('MATCH (r:Role {id: $id}) RETURN r.pageFile AS pageFile', { id: page.role.id });
        expect(role?.pageFile).toBe(page.file);
      }),
      { numRuns: 4 },
    );
  });
});
