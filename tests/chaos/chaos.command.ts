import { seconds } from '../../src/common/seconds.js';
import { startNpmStart } from '../npm-start.js';
import { formatTable, type Outcome } from './chaos.report.js';
import { concurrentImports } from './concurrent-imports.scenario.js';
import { jvmKilledMidImport, jvmKilledUnderLoad } from './kill-jvm.scenario.js';
import { signalToNpmStart } from './signals.scenario.js';

/**
 * `npm run chaos`: what an operator fears, done for real to `npm start` (its own ports and a temporary data folder):
 * the Neo4j JVM killed under load and mid-import, signals to npm, two imports at once. Prints what held, as a
 * table, and exits 1 if anything did not. Takes several minutes: each `npm start` boots a Neo4j.
 */
async function main(): Promise<number> {
  const started = performance.now();
  const outcomes: Outcome[] = [];
  const log = (line: string) => console.error(`[chaos ${seconds(performance.now() - started).padStart(7)}] ${line}`);
  // Each outcome as soon as it is known: a run cut short still tells what it found.
  const record = (found: Outcome[]) => {
    for (const outcome of found) log(`${outcome.held ? 'held' : 'FAILED'}: ${outcome.scenario}: ${outcome.expectation} (${outcome.detail})`);
    outcomes.push(...found);
  };

  log('npm start with the seed...');
  const running = await startNpmStart({ env: { SEED_ON_START: 'true' } });
  try {
    log('killing the JVM under load...');
    record(await jvmKilledUnderLoad(running));
    log('killing the JVM mid-import...');
    record(await jvmKilledMidImport(running));
    log('two imports at once...');
    record(await concurrentImports(running));
  } catch (error) {
    record([{ scenario: 'the run itself', expectation: 'completes', held: false, detail: error instanceof Error ? error.message : String(error) }]);
  }
  // The npm start that went through all that ends as a process manager ends it; a fresh one for Ctrl-C.
  log('SIGTERM to npm start...');
  record([await signalToNpmStart('SIGTERM', running)]);
  log('SIGINT to a fresh npm start...');
  record([await signalToNpmStart('SIGINT')]);

  console.log(formatTable(outcomes));
  const failed = outcomes.filter((outcome) => !outcome.held).length;
  console.log(`\n${outcomes.length - failed} of ${outcomes.length} held, in ${seconds(performance.now() - started)}.`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
