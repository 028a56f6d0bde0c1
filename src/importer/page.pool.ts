import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import Tinypool from 'tinypool';
import type { PageOutcome } from './page-outcome.js';

const require = createRequire(import.meta.url);

/**
 * Parses page files in worker threads. Reading Markdown is CPU-bound (micromark takes about 15 ms for a page of
 * the generated taxonomy), so a large import parses on every core. The outcomes come back in the order of the
 * files.
 */
export async function parsePagesInPool(files: string[], threads: number): Promise<PageOutcome[]> {
  const pool = new Tinypool({
    filename: new URL('./page.worker.ts', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    runtime: 'child_process',
    // The workers load the TypeScript sources through tsx, whatever started this process (tsx, vitest): a
    // worker does not inherit the module hooks of its parent.
    execArgv: ['--import', pathToFileURL(require.resolve('tsx')).href],
  });
  try {
    return await Promise.all(files.map((file) => pool.run(file) as Promise<PageOutcome>));
  } finally {
    await pool.destroy();
  }
}
