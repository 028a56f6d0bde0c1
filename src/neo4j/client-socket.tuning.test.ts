import { once } from 'node:events';
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tuneClientSockets } from './client-socket.tuning.js';

afterEach(() => vi.restoreAllMocks());

/** A listener that keeps what it receives; `write` is given the connected client socket. */
async function exchange(write: (client: net.Socket) => Promise<void>): Promise<string> {
  let received = '';
  const server = net.createServer((socket) => socket.on('data', (data) => (received += data.toString())));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const client = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
  await once(client, 'connect');
  await write(client);
  client.end();
  await once(client, 'close');
  server.close();
  await once(server, 'close');
  return received;
}

const noWrites = async () => {};

describe('tuneClientSockets', () => {
  it('turns Nagle off on every client socket created after it, once however often it is called', async () => {
    const setNoDelay = vi.spyOn(net.Socket.prototype, 'setNoDelay');
    await exchange(noWrites);
    expect(setNoDelay).not.toHaveBeenCalledWith(true);
    tuneClientSockets();
    tuneClientSockets();
    await exchange(noWrites);
    expect(setNoDelay.mock.calls.filter(([noDelay]) => noDelay === true)).toHaveLength(1);
  });

  it('tunes each socket once even when the module is loaded again, as a test runner does for each file', async () => {
    tuneClientSockets();
    vi.resetModules();
    const again = await import('./client-socket.tuning.js');
    expect(again.tuneClientSockets).not.toBe(tuneClientSockets);
    again.tuneClientSockets();
    const setNoDelay = vi.spyOn(net.Socket.prototype, 'setNoDelay');
    const cork = vi.spyOn(net.Socket.prototype, 'cork');
    await exchange(async (client) => {
      client.write('one;');
      client.write('two;');
      await new Promise((resolve) => setImmediate(resolve));
    });
    expect(setNoDelay.mock.calls.filter(([noDelay]) => noDelay === true)).toHaveLength(1);
    expect(cork).toHaveBeenCalledTimes(1);
  });

  it('hands the writes of one tick to the system together, in order, and those of the next tick apart', async () => {
    tuneClientSockets();
    const writev = vi.spyOn(net.Socket.prototype as unknown as { _writev: (...args: unknown[]) => void }, '_writev');
    const single = vi.spyOn(net.Socket.prototype as unknown as { _write: (...args: unknown[]) => void }, '_write');
    const received = await exchange(async (client) => {
      client.write('BEGIN;');
      client.write('RUN;');
      client.write(Buffer.from('PULL;'));
      await new Promise((resolve) => setImmediate(resolve));
      client.write('COMMIT;');
      await new Promise((resolve) => setImmediate(resolve));
    });
    expect(received).toBe('BEGIN;RUN;PULL;COMMIT;');
    expect(writev.mock.calls.map(([chunks]) => (chunks as { chunk: Buffer | string }[]).map(({ chunk }) => chunk.toString()))).toEqual([['BEGIN;', 'RUN;', 'PULL;']]);
    expect(single.mock.calls.map(([chunk]) => String(chunk))).toEqual(['COMMIT;']);
  });
});
