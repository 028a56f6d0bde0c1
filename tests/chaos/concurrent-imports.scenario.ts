import { clearGraph } from '../../bench/bench-graph.js';
import { countGraph, dumpGraph } from '../graph-dump.js';
import type { NpmStart } from '../npm-start.js';
import { generatedPages, openDatabaseOf, runImport } from './chaos.harness.js';
import type { Outcome } from './chaos.report.js';

/**
 * Two `npm run import` of the same folder at once must end as one import would. Each starts from an empty graph,
 * so that both imports create the same nodes and relationships at once (where duplicates arose), and so that the
 * pages imported by earlier scenarios, whose generated roles share these pages' ids, do not refuse them.
 */
export async function concurrentImports(running: NpmStart): Promise<Outcome[]> {
  const scenario = 'two imports of one folder at once';
  const folder = await generatedPages(60);
  const database = await openDatabaseOf(running);
  try {
    await clearGraph(database);
    const alone = await runImport(running, folder).done;
    const once = await dumpGraph(database);
    const relationshipsOnce = Object.values(await countGraph(database)).reduce((sum, count) => sum + count, 0);
    await clearGraph(database);
    const [first, second] = await Promise.all([runImport(running, folder).done, runImport(running, folder).done]);
    const twice = await dumpGraph(database);
    const relationshipsTwice = Object.values(await countGraph(database)).reduce((sum, count) => sum + count, 0);
    const failures = [alone, first, second].filter((run) => run.code !== 0).map((run) => run.output.trim().split('\n').at(-1));
    return [
      {
        scenario,
        expectation: 'the graph one import gives: nothing duplicated',
        held: failures.length === 0 && twice === once,
        detail:
          `alone exit ${alone.code}, together exits ${first.code} and ${second.code}; graph ${twice === once ? 'the same' : 'different'}; ` +
          `nodes and relationships ${relationshipsOnce} after one import, ${relationshipsTwice} after both` +
          (failures.length > 0 ? `; ${failures.join('; ')}` : ''),
      },
    ];
  } finally {
    await database.close();
  }
}
