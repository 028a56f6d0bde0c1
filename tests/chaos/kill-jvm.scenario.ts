import { seconds } from '../../src/common/seconds.js';
import { dumpGraph } from '../graph-dump.js';
import type { NpmStart } from '../npm-start.js';
import { findLauncherJvm } from '../process-tree.js';
import { generatedPages, health, openDatabaseOf, runImport, sleep, waitForHealthy, waitForRunningWrite } from './chaos.harness.js';
import type { Outcome } from './chaos.report.js';

const recoveryTimeoutMs = 600_000;

function killJvm(running: NpmStart): number {
  const jvm = findLauncherJvm(running.pid);
  if (!jvm) throw new Error('no Neo4j JVM under npm start');
  process.kill(jvm.pid, 'SIGKILL');
  return performance.now();
}

/** The JVM SIGKILLed while `npm run import` is in its one transaction. */
export async function jvmKilledMidImport(running: NpmStart): Promise<Outcome[]> {
  const scenario = 'JVM killed mid-import';
  const folder = await generatedPages(400);
  const database = await openDatabaseOf(running);
  try {
    const before = await dumpGraph(database);
    const restartsBefore = (await health(running)).body.localNeo4j?.restarts ?? 0;
    const firstImport = runImport(running, folder);
    if (!(await waitForRunningWrite(database, 300_000))) {
      return [{ scenario, expectation: 'the import reaches its transaction', held: false, detail: (await firstImport.done).output.slice(-300) }];
    }
    const killedAt = killJvm(running);
    const interrupted = await firstImport.done;
    const recoveredIn = await waitForHealthy(running, recoveryTimeoutMs);
    const restarts = (await health(running)).body.localNeo4j?.restarts ?? 0;
    const afterKill = await dumpGraph(database);
    const rerun = await runImport(running, folder).done;
    const imported = await dumpGraph(database);
    const state = afterKill === before ? 'as before the import' : afterKill === imported ? 'as after the import' : 'neither: half an import';
    return [
      {
        scenario,
        expectation: 'Neo4j restarted by the supervisor, /health 200 again, no operator',
        held: recoveredIn !== null && restarts === restartsBefore + 1,
        detail: recoveredIn === null ? `not healthy within ${recoveryTimeoutMs / 1000} s` : `healthy ${seconds(performance.now() - killedAt)} after the kill; restarts ${restartsBefore} → ${restarts}`,
      },
      { scenario, expectation: 'graph as before the import or as after it, never half', held: afterKill === before || afterKill === imported, detail: `import exited ${interrupted.code}; graph ${state}` },
      { scenario, expectation: 'the same import, run again, succeeds', held: rerun.code === 0, detail: `exit ${rerun.code}` },
    ];
  } finally {
    await database.close();
  }
}

interface Answer {
  startedAt: number;
  ms: number;
  status: number;
  code: string;
}

/** The JVM SIGKILLed while clients keep querying the API. */
export async function jvmKilledUnderLoad(running: NpmStart): Promise<Outcome[]> {
  const scenario = 'JVM killed under load';
  const answers: Answer[] = [];
  let stop = false;
  const body = JSON.stringify({ query: '{ roles(first: 5) { id title skills { name } } }' });
  const client = async () => {
    while (!stop) {
      const startedAt = performance.now();
      const answer = await fetch(`${running.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body }).then(
        async (response) => {
          const json = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
          return { status: response.status, code: json.errors?.[0]?.extensions?.code ?? (json.data ? 'OK' : 'NO DATA') };
        },
        (error: unknown) => ({ status: 0, code: `network: ${error instanceof Error ? error.message : String(error)}` }),
      );
      answers.push({ startedAt, ms: performance.now() - startedAt, ...answer });
    }
  };
  const restartsBefore = (await health(running)).body.localNeo4j?.restarts ?? 0;
  const clients = Array.from({ length: 8 }, client);
  await sleep(3000);
  const killedAt = killJvm(running);
  const recoveredIn = await waitForHealthy(running, recoveryTimeoutMs);
  const recoveredAt = performance.now();
  // Enough answers after recovery to judge it, however slow the machine.
  const judgeBy = performance.now() + 60_000;
  while (answers.filter((answer) => answer.startedAt > recoveredAt + 1000).length < 20 && performance.now() < judgeBy) await sleep(250);
  stop = true;
  await Promise.all(clients);
  const restarts = (await health(running)).body.localNeo4j?.restarts ?? 0;

  const unexpected = answers.filter((answer) => answer.code !== 'OK' && answer.code !== 'SERVICE_UNAVAILABLE');
  // Requests that started once the death was known; those in flight at the kill may wait for the driver's retries.
  const whileDown = answers.filter((answer) => answer.startedAt > killedAt + 200 && answer.startedAt < recoveredAt && answer.code === 'SERVICE_UNAVAILABLE');
  const slowest = Math.max(0, ...whileDown.map((answer) => answer.ms));
  const wrongStatus = answers.filter((answer) => answer.code === 'SERVICE_UNAVAILABLE' && answer.status !== 503);
  const afterRecovery = answers.filter((answer) => answer.startedAt > recoveredAt + 1000);
  const count = (code: string) => answers.filter((answer) => answer.code === code).length;
  return [
    {
      scenario,
      expectation: 'every answer is data or SERVICE_UNAVAILABLE (no 500, no dropped connection)',
      held: unexpected.length === 0,
      detail: `${answers.length} requests: ${count('OK')} OK, ${count('SERVICE_UNAVAILABLE')} SERVICE_UNAVAILABLE${unexpected.length ? `, ${unexpected.length} other: ${unexpected[0]?.code}` : ''}`,
    },
    {
      scenario,
      expectation: 'while it is down, each request fails in under 1 s, with 503 (graphql-response+json)',
      held: whileDown.length > 0 && slowest < 1000 && wrongStatus.length === 0,
      detail: `${whileDown.length} requests while down, slowest ${Math.round(slowest)} ms; ${wrongStatus.length} without 503`,
    },
    {
      scenario,
      expectation: 'the API recovers by itself once Neo4j is back',
      held: recoveredIn !== null && restarts === restartsBefore + 1 && afterRecovery.length > 0 && afterRecovery.every((answer) => answer.code === 'OK'),
      detail: recoveredIn === null ? `not healthy within ${recoveryTimeoutMs / 1000} s` : `healthy ${seconds(recoveredAt - killedAt)} after the kill; ${afterRecovery.filter((answer) => answer.code === 'OK').length}/${afterRecovery.length} OK after`,
    },
  ];
}
