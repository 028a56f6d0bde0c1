import { Router } from 'express';
import type { LocalNeo4jStatus } from '../neo4j/local-neo4j.js';
import type { Database } from '../neo4j/database.js';

/**
 * GET /health: 200 when Neo4j answers, else 503, at once while the database is known to be down. With the
 * bundled Neo4j, also its supervision: whether it is up or being restarted, how often it was, and why.
 */
export function healthRouter(database: Database, localNeo4j: () => LocalNeo4jStatus | null = () => null): Router {
  const router = Router();
  router.get('/health', async (_request, response) => {
    const local = localNeo4j();
    // A JVM that answers before the supervisor has seen it ready is not counted up yet: one account of it.
    const up =
      (local?.state ?? 'up') === 'up' &&
      database.availability.up &&
      (await database.verifyConnectivity().then(
        () => true,
        () => {
          database.availability.markDown();
          return false;
        },
      ));
    response.status(up ? 200 : 503).json({ status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down', ...(local ? { localNeo4j: local } : {}) });
  });
  return router;
}
