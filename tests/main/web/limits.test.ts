/**
 * The web door's bounds: slow headers and slow bodies are cut off by the server's timeouts, and
 * a channel's requests beyond its running + queued limit get a clear "busy" answer.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { channel, type Handlers } from '../../../main/service/define.js';
import { createServiceFrom } from '../../../main/service/index.js';
import { BUSY_MESSAGE } from '../../../main/service/limiter.js';
import { startWebServer, type WebServer } from '../../../main/web/server.js';

/** A channel whose calls wait until the test opens the gate. */
function gatedService() {
  const contract = {
    'gate:wait': channel<{ n: number }>()({
      request: z.object({ n: z.number() }).strict(),
      summary: { vi: 'Chờ', en: 'Wait' },
    }),
  };
  let open = (): void => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const entered: number[] = [];
  let onEnter = (): void => undefined;
  const handlers: Handlers<typeof contract> = {
    'gate:wait': async ({ n }) => {
      entered.push(n);
      onEnter();
      await gate;
      return { n };
    },
  };
  const nextEnter = () => new Promise<void>((resolve) => (onEnter = resolve));
  return { service: createServiceFrom(contract, handlers), open, entered, nextEnter };
}

let server: WebServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: Partial<Parameters<typeof startWebServer>[0]> = {}) {
  const staticDir = await mkdtemp(join(tmpdir(), 'xaso-limits-'));
  await writeFile(join(staticDir, 'index.html'), '<!doctype html>');
  const gated = gatedService();
  server = await startWebServer({ service: gated.service, staticDir, ...options });
  return gated;
}

function call(s: WebServer, n: number): Promise<{ status: number; body: string }> {
  return fetch(`${s.origin}/api/invoke/gate:wait`, {
    method: 'POST',
    headers: { 'x-xaso-token': s.token, 'content-type': 'application/json' },
    body: JSON.stringify({ n }),
  }).then(async (r) => ({ status: r.status, body: await r.text() }));
}

/** Sends `text` on a raw connection and resolves with what came back once the server closed it. */
function rawUntilClosed(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let got = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => (got += c));
    socket.on('close', () => resolve(got));
    socket.on('error', reject);
  });
}

describe('web door bounds', () => {
  it('closes a connection whose headers never finish (slowloris)', async () => {
    await start({ timeouts: { headersMs: 200, requestMs: 400 } });
    const got = await rawUntilClosed(server!.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-a: `);
    expect(got).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a connection whose body never finishes', async () => {
    await start({ timeouts: { headersMs: 200, requestMs: 400 } });
    const port = server!.port;
    const head = [
      'POST /api/invoke/gate:wait HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      `x-xaso-token: ${server!.token}`,
      'Content-Length: 1000',
      '',
      '{"n":',
    ].join('\r\n');
    const got = await rawUntilClosed(port, head);
    expect(got).toMatch(/^HTTP\/1\.1 408/);
  });

  it('refuses a body announced larger than the limit before reading it', async () => {
    await start();
    const port = server!.port;
    const head = [
      'POST /api/invoke/gate:wait HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      `x-xaso-token: ${server!.token}`,
      `Content-Length: ${100 * 1024 * 1024}`,
      '',
      '',
    ].join('\r\n');
    const got = await rawUntilClosed(port, head);
    expect(got).toMatch(/^HTTP\/1\.1 413/);
    expect(got).toContain('Request body too large');
  });

  it('answers "busy" (vi and en) past the running + queued limit, and runs the queued one', async () => {
    const gated = await start({ limits: { active: 1, queued: 1 } });
    const entered = gated.nextEnter();
    const first = call(server!, 1);
    await entered;
    // One of the next two waits in the queue, the other finds the queue full (the first sits
    // in the handler, so the queued one cannot leave the queue before the gate opens).
    const busy = await Promise.race([call(server!, 2), call(server!, 3)]);
    expect(busy.status).toBe(503);
    const body = JSON.parse(busy.body) as {
      ok: boolean;
      error: { code: string; message: unknown };
    };
    expect(body).toEqual({ ok: false, error: { code: 'unavailable', message: BUSY_MESSAGE } });
    gated.open();
    const done = await first;
    expect(done.status).toBe(200);
    expect(done.body).toContain('"ok":true');
    await expect.poll(() => gated.entered.length).toBe(2);
  });
});
