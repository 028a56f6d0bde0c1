import type { Server } from 'node:http';

/**
 * How a benchmark server child reports itself: one JSON line on stdout once it listens, and a clean exit on
 * SIGTERM (so that `node --cpu-prof` writes its profile).
 */
export function neo4jUri(): string {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is not set');
  return uri;
}

export function listening(server: Server): string {
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('not listening');
  return `http://127.0.0.1:${address.port}`;
}

export function announce(url: string, stop: () => Promise<void>): void {
  process.stdout.write(`${JSON.stringify({ url })}\n`);
  let stopping = false;
  const exit = () => {
    if (stopping) return;
    stopping = true;
    // A clean stop, but no longer than 3 s: Apollo's drain may wait on idle keep-alive connections, and
    // `node --cpu-prof` writes its profile only on an exit, not on the SIGKILL that would follow.
    Promise.race([stop(), new Promise<void>((resolve) => setTimeout(resolve, 3000).unref())]).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', exit);
  process.on('SIGINT', exit);
  // The bench holds our stdin: when it ends, however it ends, so do we.
  process.stdin.on('end', exit);
  process.stdin.resume();
}
