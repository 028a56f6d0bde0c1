import { seconds } from '../common/seconds.js';
import { readConfig } from '../config.js';
import { connect } from '../neo4j/connect.js';
import { loadPagesInRuns } from './load/graph.loader.js';
import { formatReport } from './import.report.js';
import { checkPages } from './page.check.js';
import { collectPageFiles, readPages } from './read/pages.reader.js';
import { PageFormatError } from './page-format.error.js';

const usage = 'usage: npm run import -- [--check [--strict] | --pages-per-run N] <page.md | folder> ...';

/**
 * `npm run import -- <files or folders>` (and `npm run seed`): loads career-guide pages, all or nothing.
 * `--check` reads and plans them without a database and says what each holds; `--strict` makes content kept
 * as a generic section fail the check. `--pages-per-run N` writes them in transactions of N pages each, for
 * an import too large for one (see loadPagesInRuns); every page is read before the first is written.
 */
async function main(args: string[]): Promise<number> {
  const check = args.includes('--check');
  const strict = args.includes('--strict');
  const perRunAt = args.indexOf('--pages-per-run');
  const perRunText = perRunAt === -1 ? undefined : args[perRunAt + 1];
  const pagesPerRun = perRunText === undefined ? undefined : Number(perRunText);
  const paths = args.filter((arg, index) => arg !== '--check' && arg !== '--strict' && (perRunAt === -1 || (index !== perRunAt && index !== perRunAt + 1)));
  const unknown = paths.find((arg) => arg.startsWith('--'));
  const badPerRun = perRunAt !== -1 && (pagesPerRun === undefined || !Number.isSafeInteger(pagesPerRun) || pagesPerRun < 1 || check);
  if (paths.length === 0 || unknown !== undefined || (strict && !check) || badPerRun) {
    if (unknown !== undefined) console.error(`unknown option ${unknown}`);
    if (badPerRun && !check) console.error(`--pages-per-run takes a whole number of at least 1, got ${perRunText ?? 'nothing'}`);
    console.error(usage);
    return 2;
  }
  if (check) {
    const files = await collectPageFiles(paths);
    if (files.length === 0) {
      console.error(`No .md pages found in ${paths.join(', ')}`);
      return 1;
    }
    const result = await checkPages(files);
    console.log(result.lines.join('\n'));
    return result.errors > 0 || (strict && result.unread > 0) ? 1 : 0;
  }
  const started = performance.now();
  const pages = await readPages(await collectPageFiles(paths));
  const read = performance.now();
  if (pages.length === 0) {
    console.error(`No .md pages found in ${paths.join(', ')}`);
    return 1;
  }
  const connection = await connect(readConfig());
  try {
    const report = await loadPagesInRuns(connection.database, pages, pagesPerRun ?? pages.length, (step, ms, run) => {
      if (run.of > 1) console.error(`  run ${run.index} of ${run.of}: ${step} in ${seconds(ms)}`);
    });
    console.log(formatReport(report));
    console.log(`  took: ${seconds(read - started)} to read the pages, ${seconds(performance.now() - read)} to connect and write`);
    return 0;
  } finally {
    await connection.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A page that cannot be read stops the import before anything is written; a PartialImportError says itself what was.
    console.error(`error: ${error instanceof Error ? error.message : String(error)}${error instanceof PageFormatError ? '\nNothing was imported.' : ''}`);
    process.exit(1);
  },
);
