import { seconds } from '../common/seconds.js';
import { readConfig } from '../config.js';
import { connect } from '../neo4j/connect.js';
import { loadPages } from './graph.loader.js';
import { formatReport } from './import.report.js';
import { collectPageFiles, readPages } from './page.files.js';
import { PageFormatError } from './page-format.error.js';

/** `npm run import -- <files or folders>` (and `npm run seed`): loads career-guide pages, all or nothing. */
async function main(paths: string[]): Promise<number> {
  if (paths.length === 0) {
    console.error('usage: npm run import -- <page.md | folder> ...');
    return 2;
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
