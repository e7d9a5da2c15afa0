/**
 * A connect limit never wins over an answer already waiting: when the event loop is blocked past
 * the limit (a burst of process spawns, a large JSON parse) while the loopback server has already
 * accepted, the verdict is still "open". Loopback only.
 */
import { createServer, type Server } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { probeTcp } from '../../../diagnostics/scan/tcp-probe.js';

let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((socket) => socket.on('error', () => undefined));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function blockLoop(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // a busy event loop, on purpose
  }
}

describe('probeTcp', () => {
  it('says open and refused', async () => {
    expect(await probeTcp('127.0.0.1', port, 1000)).toBe('open');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const free = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await probeTcp('127.0.0.1', free, 1000)).toBe('refused');
  });

  it('keeps an answer that arrived while the event loop was blocked past the limit', async () => {
    const pending = probeTcp('127.0.0.1', port, 20);
    // After the connect is issued (it runs on the next tick), block the loop well past 20 ms.
    process.nextTick(() => blockLoop(200));
    expect(await pending).toBe('open');
  });
});
