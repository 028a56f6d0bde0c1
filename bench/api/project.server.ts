import 'reflect-metadata';
import { startApiServer } from '../../src/api/server.js';
import { readConfig } from '../../src/config.js';
import { Database } from '../../src/neo4j/database.js';
import { createLogger } from '../../src/observability/logger.js';
import { announce, neo4jConnection } from './child.js';

/** This project: the API exactly as `npm start` serves it (startApiServer, the configuration from the environment). */
async function main(): Promise<void> {
  const database = Database.open(neo4jConnection());
  const config = readConfig(process.env);
  const server = await startApiServer({ database, config, port: 0, host: '127.0.0.1', logger: createLogger(config.logLevel) });
  announce(server.httpServer, async () => {
    await server.stop();
    await database.close();
  });
}

await main();
