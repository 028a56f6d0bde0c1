import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { projectRoot } from '../../config.js';
import type { RolePage } from '../parse/page.model.js';
import { parseRolePage } from '../parse/page.parser.js';
import { decodePage } from './page.decoder.js';

/**
 * How a file is named in the graph's provenance: relative to the project when it lies inside it, so that
 * the same page imported from another working folder is still the same source.
 */
export function sourceName(path: string): string {
  const absolute = resolve(path);
  const inside = relative(projectRoot, absolute);
  return inside.startsWith('..') || isAbsolute(inside) ? absolute : inside;
}

/** Reads and parses one page file; throws PageFormatError naming the file and line when it is not a role page. */
export async function readPageFile(file: string): Promise<RolePage> {
  const name = sourceName(file);
  return parseRolePage(decodePage(await readFile(file), name), name);
}
