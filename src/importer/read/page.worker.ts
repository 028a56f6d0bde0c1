import { PageFormatError } from '../page-format.error.js';
import { readPageFile } from './page-file.reader.js';
import type { PageOutcome } from './page-outcome.js';

/**
 * A task of the parsing pool (page.pool.ts): one page file. A bad page comes back as data, because an error
 * thrown in a worker reaches the pool as a plain Error, without the file and line the import reports.
 */
export default async function parsePageTask(file: string): Promise<PageOutcome> {
  try {
    return { page: await readPageFile(file) };
  } catch (error) {
    if (error instanceof PageFormatError) return { error: { file: error.file, line: error.line, reason: error.reason } };
    throw error;
  }
}
