import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  resolveAppFile,
} from '../../../main/electron/protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../../main/electron/security.js';

let base: string;
let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'xaso-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Xã Số</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'ảnh mẫu.svg'), '<svg/>');
  await writeFile(join(base, 'secret.txt'), 'do not serve');
  await mkdir(join(base, 'renderer-evil'));
  await writeFile(join(base, 'renderer-evil', 'x.js'), 'evil');
  handler = createAppProtocolHandler(root);
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// protocol handler', () => {
  it('is registered as a standard, secure scheme, without CSP bypass or service workers', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
      },
    ]);
  });

  it('never grants other origins access (no Access-Control-Allow-Origin)', async () => {
    const response = await get('app://xaso/index.html');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves the page with the CSP and a content type', async () => {
    const response = await get('app://xaso/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('Xã Số');
  });

  it('serves / as index.html, assets by relative path, and Vietnamese file names', async () => {
    expect(await (await get('app://xaso/')).text()).toContain('<title>');
    const script = await get('app://xaso/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    expect((await get('app://xaso/assets/%E1%BA%A3nh%20m%E1%BA%ABu.svg')).status).toBe(200);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://xaso/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it.each([
    ['an encoded dot-dot', 'app://xaso/%2e%2e/secret.txt'],
    ['encoded slashes', 'app://xaso/..%2Fsecret.txt'],
    ['a sibling folder with the same prefix', 'app://xaso/..%2Frenderer-evil%2Fx.js'],
    ['a NUL byte', 'app://xaso/index.html%00.js'],
    ['bad percent-encoding', 'app://xaso/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
  ])('refuses %s, with the CSP still set', async (_name, url) => {
    const response = await get(url);
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toMatch(/do not serve|evil/);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404 for a missing file or a folder', async () => {
    expect((await get('app://xaso/nope.js')).status).toBe(404);
    expect((await get('app://xaso/assets/')).status).toBe(404);
  });

  it('refuses writes', async () => {
    expect((await get('app://xaso/index.html', 'POST')).status).toBe(405);
  });
});

describe('resolveAppFile', () => {
  it('maps our URLs into the folder and nothing outside it', () => {
    expect(resolveAppFile('/r', 'app://xaso/a/b.js')).toBe(join('/r', 'a', 'b.js'));
    expect(resolveAppFile('/r', 'app://xaso/../etc/passwd')).toBe(join('/r', 'etc', 'passwd'));
    expect(resolveAppFile('/r', 'app://xaso/..%2F..%2Fetc%2Fpasswd')).toBeUndefined();
    expect(resolveAppFile('/r', 'https://xaso/a.js')).toBeUndefined();
    expect(resolveAppFile('/r', 'nonsense')).toBeUndefined();
  });
});
