import { Neo4jError, error as driverErrors } from 'neo4j-driver';

const probeEveryMs = 500;

/**
 * Whether Neo4j can be reached, as far as this process knows, so that work started while it cannot fails at
 * once rather than after the driver's retries (seconds each): a circuit breaker. It opens when a query finds
 * the database gone or the local Neo4j's JVM dies, and closes when a probe gets through again.
 */
export class Availability {
  private probing: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly probe: () => Promise<void>) {}

  get up(): boolean {
    return this.probing === null;
  }

  /** Throws the driver's own ServiceUnavailable error while the database is known to be down. */
  check(): void {
    // GQLSTATUS 08000 is "connection exception", what the driver gives a refused connection.
    if (!this.up) throw new Neo4jError('The database is down; waiting for it to come back.', driverErrors.SERVICE_UNAVAILABLE, '08000', 'error: connection exception');
  }

  /** Notes that the database went away, if the error says so, and passes the error on. */
  observe(error: unknown): never {
    if (isConnectionFailure(error)) this.markDown();
    throw error;
  }

  markDown(): void {
    if (this.probing || this.closed) return;
    const tick = (): void => {
      this.probe().then(
        () => {
          this.probing = null;
        },
        () => {
          if (this.probing) this.probing = setTimeout(tick, probeEveryMs).unref();
        },
      );
    };
    this.probing = setTimeout(tick, probeEveryMs).unref();
  }

  close(): void {
    this.closed = true;
    if (this.probing) clearTimeout(this.probing);
    this.probing = null;
  }
}

/** The database is not there (refused, lost, or a session on a server that went away), as opposed to a query failing. */
function isConnectionFailure(error: unknown): boolean {
  return error instanceof Neo4jError && (error.code === driverErrors.SERVICE_UNAVAILABLE || error.code === driverErrors.SESSION_EXPIRED);
}
