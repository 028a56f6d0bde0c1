import 'reflect-metadata';
import { startApiServer } from './api/server.js';
import { careerMapRouter } from './career-map/web.router.js';
import { projectRoot, readConfig } from './config.js';
import { loadPages } from './importer/graph.loader.js';
import { formatReport } from './importer/import.report.js';
import { collectPageFiles, readPages } from './importer/page.files.js';
import { connect } from './neo4j/connect.js';
import { createLogger } from './observability/logger.js';
import { importDuration } from './observability/metrics.js';

/**
 * `npm start`: the database (the user's, or the bundled local one), seeded from seed/, and the API on it,
 * until Ctrl-C or SIGTERM, when everything is closed in order.
 */
async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const connection = await connect(config, console.error, { logger, slowQueryMs: config.slowQueryMs });
  let stopServer = async (): Promise<void> => {};
  const shutdown = async (signal: string): Promise<void> => {
    console.error(`\n${signal}: shutting down`);
    await stopServer();
    await connection.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    if (config.seedOnStart) {
      const endImport = importDuration.startTimer();
      const pages = await readPages(await collectPageFiles([`${projectRoot}seed`]));
      console.error(formatReport(await loadPages(connection.database, pages)));
      endImport();
    }
    const server = await startApiServer({ database: connection.database, config, port: config.port, routes: [careerMapRouter()], logger });
    stopServer = server.stop;
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
