/**
 * At most `limit` GraphQL operations execute at once; the others wait their turn, first come first served.
 *
 * Each operation executing holds its Neo4j records, its loaders and its growing answer in memory, and on a small
 * machine Neo4j and the API share the cores: beyond a few at once, more only wait for each other, while the
 * memory they hold adds up. Measured on 2 cores, 16 clients at once (bench/README.md): 100-role pages at 26
 * a second and 291 MB with no limit, 28 a second and 251 MB with 4 slots; `role(id)` at 1,000 a second either
 * way, 234 MB against 197 MB.
 * Answers from the response cache never execute, and never wait here.
 */
export class ExecutionSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`execution slots must be a whole number of at least 1, got ${limit}`);
  }

  /** Resolves once a slot is free, with the function that frees it (calling it again does nothing). */
  async take(): Promise<() => void> {
    if (this.running < this.limit) this.running += 1;
    // The slot of the operation that ends passes straight to the next in line (free()), so none jumps the queue.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let freed = false;
    return () => {
      if (freed) return;
      freed = true;
      this.free();
    };
  }

  private free(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
