import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pageFileName, renderRolePage } from './role-page.writer.js';
import type { Taxonomy } from './taxonomy.generator.js';

/** Marks a folder as the generator's, so that writing again may empty it without touching anyone's pages. */
const markerFile = '.career-graph-generated';

/**
 * Writes one page per role into the folder, replacing what an earlier run wrote there. A folder that holds
 * anything else (such as seed/) is refused rather than emptied.
 */
export async function writeGeneratedPages(folder: string, taxonomy: Taxonomy): Promise<number> {
  await mkdir(folder, { recursive: true });
  const entries = await readdir(folder);
  if (entries.length > 0 && !entries.includes(markerFile)) {
    throw new Error(`${folder} holds files the generator did not write; give an empty or new folder with --out`);
  }
  await Promise.all(entries.filter((name) => name.endsWith('.md')).map((name) => rm(join(folder, name))));
  await writeFile(join(folder, markerFile), 'Pages written by `npm run generate`; the folder is emptied on every run.\n');
  for (let index = 0; index < taxonomy.roles.length; index += 1) {
    await writeFile(join(folder, pageFileName(taxonomy.roles[index] as Taxonomy['roles'][number])), renderRolePage(taxonomy, index));
  }
  return taxonomy.roles.length;
}
