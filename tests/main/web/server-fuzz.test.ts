/**
 * Property tests of the web door's HTTP parsing and routes, on an in-process server on
 * 127.0.0.1: any method, path (broken percent-encoding, Unicode, `..`), headers and body get a
 * deliberate answer (never 500), and the server keeps answering.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createServiceFrom } from '../../../main/service/index.js';
import { startWebServer, type WebServer } from '../../../main/web/server.js';
import { testContract, testHandlers } from '../../fakes/test-contract.js';
import { fuzzParams } from '../../helpers/fuzz.js';

let server: WebServer;
beforeAll(async () => {
  const staticDir = await mkdtemp(join(tmpdir(), 'xaso-fuzz-web-'));
  await writeFile(join(staticDir, 'index.html'), '<!doctype html>');
  server = await startWebServer({
    service: createServiceFrom(testContract, testHandlers),
    staticDir,
  });
});
afterAll(() => server.close());

type Case = {
  method: string;
  path: string;
  host: 'good' | 'bad' | 'none';
  token: 'good' | 'bad' | 'none';
  body: string;
};

function send(c: Case): Promise<number> {
  const headers: Record<string, string> = {};
  if (c.host !== 'none')
    headers['host'] = c.host === 'good' ? `127.0.0.1:${server.port}` : 'evil.example';
  if (c.token !== 'none') headers['x-xaso-token'] = c.token === 'good' ? server.token : 'nope';
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: c.method,
        path: c.path,
        headers,
        setHost: false,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(c.body);
  });
}

const pathSegment = fc.oneof(
  fc.constantFrom(
    'api',
    'invoke',
    'channels',
    'test:count',
    'test:fail',
    '..',
    '.',
    '%2e%2e',
    '%E0%A4%A',
    '%',
    '%00',
    'assets',
    'index.html',
  ),
  fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => encodeURIComponent(s)),
  fc.stringMatching(/^[a-z0-9:%.-]{0,10}$/),
);
const arbCase: fc.Arbitrary<Case> = fc.record({
  method: fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'),
  path: fc.array(pathSegment, { maxLength: 5 }).map((parts) => `/${parts.join('/')}`),
  host: fc.constantFrom('good', 'good', 'bad', 'none'),
  token: fc.constantFrom('good', 'good', 'bad', 'none'),
  body: fc.oneof(
    fc.constant(''),
    fc.constant('null'),
    fc.json({ maxDepth: 4 }),
    fc.string({ maxLength: 200 }),
    fc.constant('{"to":3}'),
  ),
});

describe('web door (fast-check)', () => {
  it('answers every request deliberately (never 500) and stays up', async () => {
    const allowed = new Set([200, 400, 401, 403, 404, 405, 413, 503]);
    await fc.assert(
      fc.asyncProperty(arbCase, async (c) => {
        const status = await send(c);
        expect(allowed.has(status)).toBe(true);
      }),
      fuzzParams(400, [
        [{ method: 'GET', path: '/%E0%A4%A', host: 'good', token: 'none', body: '' }],
        [
          {
            method: 'POST',
            path: '/api/invoke/test:count',
            host: 'good',
            token: 'good',
            body: 'null',
          },
        ],
      ]),
    );
    expect(await send({ method: 'GET', path: '/', host: 'good', token: 'none', body: '' })).toBe(
      200,
    );
  }, 120_000);
});
