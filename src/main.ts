import 'reflect-metadata';
import { startApiServer } from './api/server.js';
import { careerMapRouter } from './career-map/web.router.js';
import { seconds } from './common/seconds.js';
import { projectRoot, readConfig } from './config.js';
import { loadPages } from './importer/load/graph.loader.js';
import { formatReport } from './importer/import.report.js';
import { collectPageFiles, readPages } from './importer/read/pages.reader.js';
import { connect } from './neo4j/connect.js';
import { createLogger } from './observability/logger.js';
import { importDuration } from './observability/metrics.js';

/** Process managers send SIGKILL 10 s after SIGTERM (Docker, systemd's default is 90 s): be gone before. */
const shutdownDeadlineMs = 9_000;

/**
 * `npm start`: the database (the user's, or the bundled local one), seeded from seed/, and the API on it,
 * until Ctrl-C or SIGTERM, when everything is closed in order.
 */
async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  let close = async (): Promise<void> => {};
  let stopping = false;
  const shutdown = (signal: string): void => {
    // Ctrl-C reaches this process twice, from the terminal and from npm passing it on: the second is no news.
    if (stopping) return;
    stopping = true;
    const started = performance.now();
    console.error(`\n${signal}: shutting down`);
    setTimeout(() => {
      console.error(`Not stopped within ${shutdownDeadlineMs / 1000} s: exiting anyway.`);
      process.exit(1);
    }, shutdownDeadlineMs).unref();
    close().then(
      () => {
        console.error(`Stopped in ${seconds(performance.now() - started)}.`);
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`error while shutting down: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  // Installed before the database starts, which can take a minute: a signal then ends the process at once,
  // and the local Neo4j's JVM, which watches its pipe from this process, follows.
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  const connection = await connect(config, console.error, { logger, slowQueryMs: config.slowQueryMs });
  close = () => connection.close();
  try {
    if (config.seedOnStart) {
      const endImport = importDuration.startTimer();
      const pages = await readPages(await collectPageFiles([`${projectRoot}seed`]));
      console.error(formatReport(await loadPages(connection.database, pages)));
      endImport();
    }
    if (stopping) return;
    const server = await startApiServer({ database: connection.database, config, port: config.port, routes: [careerMapRouter()], localNeo4j: connection.localStatus, logger });
    close = async () => {
      await server.stop();
      await connection.close();
    };
    const base = `http://localhost:${config.port}`;
    console.error(`career-graph is running: the career map at ${base}/, GraphQL (and Playground) at ${base}/graphql, health at ${base}/health`);
    if (!config.apiToken) console.error('API_TOKEN is not set: the API is read-only.');
  } catch (error) {
    await connection.close();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
