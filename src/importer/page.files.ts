import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { projectRoot } from '../config.js';
import type { RolePage } from './page.model.js';
import { decodePage, parseRolePage } from './page.parser.js';

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

/**
 * How a file is named in the graph's provenance: relative to the project when it lies inside it, so that
 * the same page imported from another working folder is still the same source.
 */
export function sourceName(path: string): string {
  const absolute = resolve(path);
  const inside = relative(projectRoot, absolute);
  return inside.startsWith('..') || isAbsolute(inside) ? absolute : inside;
}

/** Reads and parses every page before anything is written, so one bad page stops the run with nothing loaded. */
export async function readPages(files: string[]): Promise<RolePage[]> {
  const pages: RolePage[] = [];
  for (const file of files) {
    const name = sourceName(file);
    pages.push(parseRolePage(decodePage(await readFile(file), name), name));
  }
  return pages;
}
