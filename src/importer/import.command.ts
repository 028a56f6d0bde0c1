import { seconds } from '../common/seconds.js';
import { readConfig } from '../config.js';
import { connect } from '../neo4j/connect.js';
import { loadPages } from './load/graph.loader.js';
import { formatReport } from './import.report.js';
import { checkPages } from './page.check.js';
import { collectPageFiles, readPages } from './read/pages.reader.js';
import { PageFormatError } from './page-format.error.js';

/**
 * `npm run import -- <files or folders>` (and `npm run seed`): loads career-guide pages, all or nothing.
 * `--check` reads and plans them without a database and says what each holds; `--strict` makes content kept
 * as a generic section fail the check.
 */
async function main(args: string[]): Promise<number> {
  const check = args.includes('--check');
  const strict = args.includes('--strict');
  const paths = args.filter((arg) => arg !== '--check' && arg !== '--strict');
  const unknown = paths.find((arg) => arg.startsWith('--'));
  if (paths.length === 0 || unknown !== undefined || (strict && !check)) {
    if (unknown !== undefined) console.error(`unknown option ${unknown}`);
    console.error('usage: npm run import -- [--check [--strict]] <page.md | folder> ...');
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
    const report = await loadPages(connection.database, pages);
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
    console.error(error instanceof PageFormatError ? `error: ${error.message}\nNothing was imported.` : `error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
