import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { PageFormatError } from '../page-format.error.js';
import { readPageFile } from './page-file.reader.js';
import type { RolePage } from '../parse/page.model.js';
import { parsePagesInPool } from './page.pool.js';

/** The Markdown files named by the arguments: files as given, folders searched recursively, in a stable order. */
export async function collectPageFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) throw new Error(`${path}: no such file or folder`);
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const entries = await readdir(path, { recursive: true, withFileTypes: true });
    files.push(
      ...entries
        .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
        .map((entry) => join(entry.parentPath, entry.name))
        .sort(),
    );
  }
  return [...new Set(files)];
}

/** From this many pages on, parsing is spread over worker processes; below it, starting them costs more than it saves. */
const pagesPerWorker = 64;

/**
 * Reads and parses every page before anything is written, so one bad page stops the run with nothing loaded;
 * the error is the first bad page's, in the order of the files.
 */
export async function readPages(files: string[]): Promise<RolePage[]> {
  const workers = Math.min(availableParallelism(), Math.floor(files.length / pagesPerWorker));
  if (workers < 2) {
    const pages: RolePage[] = [];
    for (const file of files) pages.push(await readPageFile(file));
    return pages;
  }
  return (await parsePagesInPool(files, workers)).map((outcome) => {
    if ('error' in outcome) throw new PageFormatError(outcome.error.file, outcome.error.line, outcome.error.reason);
    return outcome.page;
  });
}
