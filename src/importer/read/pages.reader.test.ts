import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageFormatError } from '../page-format.error.js';
import { readPageFile } from './page-file.reader.js';
import { collectPageFiles, readPages } from './pages.reader.js';

// Enough pages for readPages to parse them in worker processes, which is what these tests are about.
const pageCount = 130;

describe('readPages on a large folder', { timeout: 60_000 }, () => {
  let folder: string;
  let files: string[];

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'career-graph-pages-'));
    const seeds = ['seed/vp.md', 'seed/manager.md', 'seed/director.md', 'seed/individual-contributor.md'];
    for (let index = 0; index < pageCount; index += 1) {
      await copyFile(seeds[index % seeds.length] as string, join(folder, `page-${String(index).padStart(3, '0')}.md`));
    }
    files = await collectPageFiles([folder]);
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('gives the pages that reading them one by one gives, in the order of the files', async () => {
    const oneByOne = [];
    for (const file of files) oneByOne.push(await readPageFile(file));
    expect(await readPages(files)).toEqual(oneByOne);
  });

  it('reports the first bad page by file and line, as reading them one by one does', async () => {
    const bad = [join(folder, 'page-090.md'), join(folder, 'page-100.md')];
    for (const file of bad) await writeFile(file, '---\nlabel: Broken\n---\n\nNo title here.\n');
    const error = await readPages(files).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(PageFormatError);
    expect((error as PageFormatError).message).toBe(`${bad[0]}:1: no title: a role page starts with a '# ' heading`);
  });
});
