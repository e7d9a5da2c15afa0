import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createServiceFrom } from '../../../main/service/index.js';
import { startWebServer, type WebServer } from '../../../main/web/server.js';
import { WEB_CSP } from '../../../main/web/static.js';
import { testContract, testHandlers } from '../../fakes/test-contract.js';

/** Raw HTTP so tests can send any Host header (fetch forbids setting it). */
function raw(
  server: WebServer,
  path: string,
  headers: Record<string, string>,
  method = 'GET',
  body?: string,
) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path, method, headers },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    },
  );
}

describe('web door', () => {
  let server: WebServer;
  let staticDir: string;
  beforeAll(async () => {
    staticDir = await mkdtemp(join(tmpdir(), 'xaso-static-'));
    await mkdir(join(staticDir, 'assets'));
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
    await writeFile(join(staticDir, 'assets', 'a.js'), 'console.log(1)');
    server = await startWebServer({
      service: createServiceFrom(testContract, testHandlers),
      staticDir,
    });
  });
  afterAll(() => server.close());

  const host = () => `127.0.0.1:${server.port}`;
  const api = (channel: string, body: unknown, extra: Record<string, string> = {}) =>
    raw(
      server,
      `/api/invoke/${channel}`,
      { host: host(), 'x-xaso-token': server.token, 'content-type': 'application/json', ...extra },
      'POST',
      JSON.stringify(body),
    );

  it('listens on 127.0.0.1 only, with a fresh token in the URL it prints', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    const other = await startWebServer({
      service: createServiceFrom(testContract, testHandlers),
      staticDir,
    });
    expect(other.token).not.toBe(server.token);
    await other.close();
  });

  it('serves the UI with a strict CSP and refuses path traversal', async () => {
    const page = await raw(server, '/', { host: host() });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(WEB_CSP);
    expect(WEB_CSP).toContain("script-src 'self'");
    expect(WEB_CSP).not.toContain('unsafe-eval');
    expect((await raw(server, '/assets/a.js', { host: host() })).status).toBe(200);
    const escape = await raw(server, '/../../etc/passwd', { host: host() });
    expect(escape.body).not.toContain('root:');
    expect((await raw(server, '/%2e%2e/%2e%2e/etc/passwd', { host: host() })).body).not.toContain(
      'root:',
    );
  });

  it('refuses a foreign Host (DNS rebinding) on every path', async () => {
    for (const path of ['/', '/api/channels']) {
      const res = await raw(server, path, {
        host: `evil.example:${server.port}`,
        'x-xaso-token': server.token,
      });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body).error.message.vi).toContain('Host');
    }
  });

  it('refuses a foreign Origin even with the token', async () => {
    const res = await api('test:count', { to: 1 }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });

  it('refuses a missing or wrong token', async () => {
    const none = await raw(server, '/api/invoke/test:count', { host: host() }, 'POST', '{"to":1}');
    expect(none.status).toBe(401);
    const wrong = await api('test:count', { to: 1 }, { 'x-xaso-token': 'x'.repeat(32) });
    expect(wrong.status).toBe(401);
  });

  it('refuses bad JSON and bad payloads with clear errors', async () => {
    const badJson = await raw(
      server,
      '/api/invoke/test:count',
      { host: host(), 'x-xaso-token': server.token },
      'POST',
      '{to:',
    );
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body).error.message.vi).toContain('JSON');
    const bad = await api('test:count', { to: 0 });
    const last = JSON.parse(bad.body.trim().split('\n').at(-1)!);
    expect(last).toMatchObject({
      type: 'result',
      result: { ok: false, error: { code: 'invalid-request' } },
    });
    expect(last.result.error.issues[0].path).toBe('to');
  });

  it('streams progress lines, then the result', async () => {
    const res = await api('test:count', { to: 3 });
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l: { type: string }) => l.type)).toEqual([
      'progress',
      'progress',
      'progress',
      'result',
    ]);
    expect(lines.at(-1).result).toEqual({ ok: true, value: { counted: 3 } });
  });

  it('cancels the work when the client goes away', async () => {
    const controller = new AbortController();
    const pending = fetch(`${server.origin}/api/invoke/test:count`, {
      method: 'POST',
      headers: { 'x-xaso-token': server.token },
      body: JSON.stringify({ to: 100, delayMs: 50 }),
      signal: controller.signal,
    }).then(async (r) => {
      const reader = r.body!.getReader();
      await reader.read();
      controller.abort();
    });
    await pending.catch(() => undefined);
    // The server keeps answering other requests afterwards.
    const res = await api('test:count', { to: 1 });
    expect(res.status).toBe(200);
  });

  it('lists channels for a caller with the token', async () => {
    const res = await raw(server, '/api/channels', { host: host(), 'x-xaso-token': server.token });
    expect(JSON.parse(res.body).value).toEqual(['test:count', 'test:fail']);
  });

  it('answers 400, not 500, to a malformed percent-encoding in the address', async () => {
    const res = await raw(server, '/assets/%E0%A4%A', { host: host() });
    expect(res.status).toBe(400);
    expect(res.body).toContain('Malformed percent-encoding');
  });

  it('refuses a body of null instead of reading it as an empty request', async () => {
    const res = await api('test:count', null);
    const last = JSON.parse(res.body.trim().split('\n').pop()!) as { result: { ok: boolean } };
    expect(last.result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
