import { once } from 'node:events';
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendWithoutDelay } from './bolt-no-delay.js';

afterEach(() => vi.restoreAllMocks());

async function connectToListener(): Promise<void> {
  const server = net.createServer((socket) => socket.end());
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const client = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
  await once(client, 'connect');
  client.destroy();
  server.close();
}

describe('sendWithoutDelay', () => {
  it('turns Nagle off on every client socket created after it, once however often it is called', async () => {
    const setNoDelay = vi.spyOn(net.Socket.prototype, 'setNoDelay');
    await connectToListener();
    expect(setNoDelay).not.toHaveBeenCalledWith(true);
    sendWithoutDelay();
    sendWithoutDelay();
    await connectToListener();
    expect(setNoDelay.mock.calls.filter(([noDelay]) => noDelay === true)).toHaveLength(1);
  });
});
