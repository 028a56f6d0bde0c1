import type { GraphSizeRepository } from './graph-size.repository.js';
import type { GraphSize } from './query-cost.js';

/**
 * The graph's size for the costs of a request, read once per version of the graph: the requests the response
 * cache answers at the same version share one read, where each used to spend a transaction of its own on
 * it (one of the round trips of every uncached similarRoles). A request answered at no version (the cache
 * off, or Neo4j unreachable when it arrived) reads it afresh. The read may see a write newer than the version
 * it is kept under: it only prices a query, it is never part of an answer.
 */
export class GraphSizeByVersion {
  private latest: { version: string; size: Promise<GraphSize> } | null = null;

  constructor(private readonly repository: GraphSizeRepository) {}

  at(version: string | null): Promise<GraphSize> {
    if (version === null) return this.repository.read();
    if (this.latest?.version !== version) {
      const size = this.repository.read();
      const entry = { version, size };
      this.latest = entry;
      // A failed read is not kept: the next request tries again.
      size.catch(() => {
        if (this.latest === entry) this.latest = null;
      });
    }
    return this.latest.size;
  }
}
