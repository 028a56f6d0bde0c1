import { afterEach, describe, expect, it } from 'vitest';
import { startNpmStart, waitUntilGone, type NpmStart } from './npm-start.js';

// What Docker, systemd and most process managers do: signal the process they started, here npm.

let running: NpmStart | undefined;

afterEach(async () => {
  await running?.cleanUp();
  running = undefined;
});

describe.each(['SIGTERM', 'SIGINT'] as const)('%s to the process `npm start` creates', (signal) => {
  it('ends npm, Node and the local Neo4j within 10 s, and leaves nothing behind', { timeout: 630_000 }, async () => {
    running = await startNpmStart();
    const tree = running.tree();
    expect(tree.map((process) => process.command)).toEqual(
      expect.arrayContaining([expect.stringContaining('npm start'), expect.stringContaining('src/main.ts'), expect.stringContaining('dev.careergraph.launcher.Launcher')]),
    );
    process.kill(running.pid, signal);
    const alive = await waitUntilGone(
      tree.map((process) => process.pid),
      10_000,
    );
    expect(alive.map((pid) => tree.find((process) => process.pid === pid)?.command)).toEqual([]);
    expect(running.output()).toContain(`${signal}: shutting down`);
  });
});
