import { subscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

/**
 * Once per process, not per copy of this module: a test runner that loads the module again for each test file
 * in one process would otherwise subscribe again, and wrap each socket's writes once more for every file.
 */
const subscribed = Symbol.for('career-graph.client-socket-tuning');

/**
 * Makes the process's outgoing TCP connections, Bolt's above all, send what they are given at once and in as
 * few system calls as it takes. neo4j-driver 5 for JavaScript has no option for either. Node announces every
 * client socket it creates on the `net.client.socket` diagnostics channel, before it connects.
 *
 * - Nagle's algorithm off, as Node's own HTTP client has it and as Neo4j's Java and Python drivers do for Bolt:
 *   with it on, a transaction's small messages waited for the server's delayed acknowledgement, about 40 ms,
 *   and a one-query request took 64 ms at the median instead of 17 (bench/README.md).
 * - The writes of one tick in one system call: the driver flushes BEGIN on its own, then each RUN, each in a
 *   write of its own. A third of an uncached request's time in the server went to those writes
 *   (bench/README.md). Held until the end of the tick, the request's BEGIN and first queries leave together,
 *   in the order they were written, as Node's HTTP server does with a response's head and body.
 */
export function tuneClientSockets(): void {
  const registry = globalThis as { [subscribed]?: true };
  if (registry[subscribed]) return;
  registry[subscribed] = true;
  subscribe('net.client.socket', (message) => {
    const { socket } = message as { socket: Socket };
    socket.setNoDelay(true);
    // Socket.connect() puts the prototype's write back on the socket, so the wrapper goes on once connected.
    socket.once('connect', () => writeOncePerTick(socket));
  });
}

function writeOncePerTick(socket: Socket): void {
  const write = socket.write as (...args: unknown[]) => boolean;
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  socket.write = ((...args: unknown[]) => {
    if (!corked) {
      corked = true;
      socket.cork();
      process.nextTick(uncork);
    }
    return write.apply(socket, args);
  }) as Socket['write'];
}
