import { subscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

let subscribed = false;

/**
 * Turns Nagle's algorithm off on the process's outgoing TCP connections, as Node's own HTTP client does and as
 * Neo4j's Java and Python drivers do for Bolt. neo4j-driver 5 for JavaScript leaves it on and has no option for
 * it: a transaction's small messages then wait for the server's delayed acknowledgement, about 40 ms, and a
 * one-query request took 64 ms at the median instead of 17 (bench/README.md). Node announces every client
 * socket it creates on the `net.client.socket` diagnostics channel, before it connects.
 */
export function sendWithoutDelay(): void {
  if (subscribed) return;
  subscribed = true;
  subscribe('net.client.socket', (message) => {
    (message as { socket: Socket }).socket.setNoDelay(true);
  });
}
