import { seconds } from '../../src/common/seconds.js';
import { startNpmStart, waitUntilGone, type NpmStart } from '../npm-start.js';
import type { Outcome } from './chaos.report.js';

/**
 * What process managers do: signal the process they started, `npm start` (a fresh one unless given); all of it
 * must be gone within 10 s.
 */
export async function signalToNpmStart(signal: 'SIGTERM' | 'SIGINT', given?: NpmStart): Promise<Outcome> {
  const running = given ?? (await startNpmStart());
  try {
    const tree = running.tree();
    const sentAt = performance.now();
    process.kill(running.pid, signal);
    const alive = await waitUntilGone(
      tree.map((process) => process.pid),
      10_000,
    );
    return {
      scenario: `${signal} to npm start`,
      expectation: `npm, node and the JVM (${tree.length} processes) gone within 10 s`,
      held: alive.length === 0,
      detail: alive.length === 0 ? `all gone in ${seconds(performance.now() - sentAt)}` : `still running: ${alive.map((pid) => tree.find((process) => process.pid === pid)?.command.slice(0, 40)).join('; ')}`,
    };
  } finally {
    await running.cleanUp();
  }
}
