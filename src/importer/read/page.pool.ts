import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import Tinypool from 'tinypool';
import type { PageOutcome } from './page-outcome.js';

const require = createRequire(import.meta.url);

/**
 * Parses page files in worker processes. Reading Markdown is CPU-bound (micromark takes about 15 ms for a page
 * of the generated taxonomy), so a large import parses on every core. The outcomes come back in the order of
 * the files.
 */
export async function parsePagesInPool(files: string[], workers: number): Promise<PageOutcome[]> {
  const pool = new Tinypool({
    filename: new URL('./page.worker.ts', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    // Processes, not threads: on Node 20 a worker thread does not get tsx's module hooks, even through its
    // execArgv, and cannot load the TypeScript sources.
    runtime: 'child_process',
    // Through tsx whatever started this process (tsx, vitest), whose own flags the workers do not need.
    execArgv: ['--import', pathToFileURL(require.resolve('tsx')).href],
  });
  try {
    return await Promise.all(files.map((file) => pool.run(file) as Promise<PageOutcome>));
  } finally {
    await pool.destroy();
  }
}
