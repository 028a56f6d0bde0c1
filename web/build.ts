import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../src/config.js';
import { webDistDir } from '../src/career-map/web.router.js';

const webDir = join(projectRoot, 'web');

/**
 * Bundles the career map page into outDir: index.html, app.js (the page's TypeScript with sigma.js and
 * graphology) and app.css. Everything comes from the project's own dependencies, so the page needs no
 * internet.
 */
export async function buildWeb(outDir: string = webDistDir): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: { app: join(webDir, 'src', 'main.ts') },
    outdir: outDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  await copyFile(join(webDir, 'index.html'), join(outDir, 'index.html'));
}
