/**
 * What a read found, kept for one version of the graph: the requests the response cache answers at the same
 * version share one read, where each used to spend a transaction of its own on it. A request answered at no
 * version (the cache off, or Neo4j unreachable when it arrived) reads afresh. The read may see a write newer
 * than the version it is kept under, so it serves only what is never part of a kept answer: the graph's size,
 * which prices a query, and the ids an error suggests.
 */
export class ReadByVersion<T> {
  private latest: { version: string; value: Promise<T> } | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  at(version: string | null): Promise<T> {
    if (version === null) return this.read();
    if (this.latest?.version !== version) {
      const value = this.read();
      const entry = { version, value };
      this.latest = entry;
      // A failed read is not kept: the next request tries again.
      value.catch(() => {
        if (this.latest === entry) this.latest = null;
      });
    }
    return this.latest.value;
  }
}
