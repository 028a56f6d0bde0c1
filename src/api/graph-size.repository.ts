import type { Database } from '../neo4j/database.js';
import type { GraphSize } from './query-cost.js';

// Counts of one label that Neo4j keeps as it writes: no node is read.
const queries = {
  size: 'RETURN COUNT { (:Role) } AS roles, COUNT { (:Transition) } AS transitions',
};

/** How large the graph is, for the costs of fields that answer with all of it. */
export class GraphSizeRepository {
  constructor(private readonly database: Database) {}

  async read(): Promise<GraphSize> {
    const [size] = await this.database.read<{ roles: number; transitions: number }>(queries.size);
    return size ?? { roles: 0, transitions: 0 };
  }
}
