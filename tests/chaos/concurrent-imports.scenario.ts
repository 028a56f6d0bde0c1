import { countGraph, dumpGraph } from '../graph-dump.js';
import type { NpmStart } from '../npm-start.js';
import { generatedPages, openDatabaseOf, runImport } from './chaos.harness.js';
import type { Outcome } from './chaos.report.js';

/** Two `npm run import` of the same folder at once must end as one import would. */
export async function concurrentImports(running: NpmStart): Promise<Outcome[]> {
  const scenario = 'two imports of one folder at once';
  const folder = await generatedPages(60);
  const database = await openDatabaseOf(running);
  try {
    const alone = await runImport(running, folder).done;
    const once = await dumpGraph(database);
    const relationshipsOnce = Object.values(await countGraph(database)).reduce((sum, count) => sum + count, 0);
    const [first, second] = await Promise.all([runImport(running, folder).done, runImport(running, folder).done]);
    const twice = await dumpGraph(database);
    const relationshipsTwice = Object.values(await countGraph(database)).reduce((sum, count) => sum + count, 0);
    return [
      {
        scenario,
        expectation: 'the graph one import gives: nothing duplicated',
        held: alone.code === 0 && twice === once,
        detail: `alone exit ${alone.code}, together exits ${first.code} and ${second.code}; graph ${twice === once ? 'the same' : 'different'}; nodes and relationships ${relationshipsOnce} after one import, ${relationshipsTwice} after both`,
      },
    ];
  } finally {
    await database.close();
  }
}
