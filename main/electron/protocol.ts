/**
 * The `app://xaso/` protocol: serves the built renderer (`out/renderer`) and nothing else, with
 * the Content-Security-Policy on every response. Plain Node (`Request`/`Response` are globals),
 * so the handler is tested without Electron; `index.ts` passes it to `protocol.handle`.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security.js';

/**
 * How the scheme is registered before `ready` (`protocol.registerSchemesAsPrivileged`):
 * standard (relative URLs and a real origin), secure (like https), fetch allowed, and usable in
 * CORS-mode requests, which Vite's `<script type="module" crossorigin>` makes (as electron-serve
 * does). No CSP bypass, no service workers; responses carry no Access-Control-Allow-Origin.
 */
export const APP_SCHEME_PRIVILEGES = [
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
  },
] as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Headers sent with every response, success or error. */
export function securityHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
}

/**
 * The file under `rootDir` that `url` names, or `undefined` when the URL is not ours, is
 * malformed, or climbs out of the folder (`..`, encoded slashes, NUL bytes).
 */
export function resolveAppFile(rootDir: string, url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) return undefined;
  const root = resolve(rootDir);
  const file = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  return file.startsWith(root + sep) ? file : undefined;
}

function textResponse(status: number, body: string): Response {
  return new Response(body, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** A `protocol.handle` handler serving files from `rootDir` only, read-only. */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method not allowed');
    }
    const file = resolveAppFile(rootDir, request.url);
    if (file === undefined) return textResponse(403, 'Forbidden');
    try {
      if (!(await stat(file)).isFile()) return textResponse(404, 'Not found');
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file));
      const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      return new Response(body, { status: 200, headers: securityHeaders(type) });
    } catch {
      return textResponse(404, 'Not found');
    }
  };
}
