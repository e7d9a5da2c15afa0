/**
 * `xaso serve`: the collection server. Applies the schema migrations, creates the first admin
 * when there is no account yet, then serves the JSON API (`/api/v1/…`, routes.ts), `/healthz`
 * and the built renderer (the desk in the browser). Every door is bounded: body size
 * (`maxBodyBytes`), time (`requestTimeoutMs`, header timeout), requests at once
 * (`maxConcurrent`, then 503 with Retry-After) and database connections (`maxConnections`).
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttp, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';

import { serveStatic, WEB_CSP } from '../web/static.js';
import { audit, countAccounts, createAccount } from './accounts.js';
import { listenAddress, type ServerConfig } from './config.js';
import { openDb, type Db } from './db.js';
import { header, HttpError, sendError, sendJson } from './http-kit.js';
import { migrate } from './migrations.js';
import { LOGIN_HTML, LOGIN_JS } from './login-page.js';
import { createRateLimiter } from './rate-limit.js';
import { route, type RouteContext } from './routes.js';
import { invokeFromBrowser } from './web-bridge.js';

/** A running collection server. */
export type CollectionServer = Readonly<{
  url: string;
  port: number;
  db: Db;
  schemaVersion: number;
  close: () => Promise<void>;
}>;

export type StartOptions = Readonly<{
  config: ServerConfig;
  now?: () => Date;
  /** Where the built renderer is, when the config does not say. */
  defaultStaticDir?: string;
}>;

const busy = (): HttpError =>
  new HttpError(
    503,
    'unavailable',
    { vi: 'Máy chủ đang bận: hãy thử lại sau ít giây.', en: 'Server busy: try again shortly.' },
    { 'retry-after': '2' },
  );

async function healthz(db: Db, res: ServerResponse, schemaVersion: number): Promise<void> {
  try {
    await db.query('SELECT 1');
    sendJson(res, 200, { ok: true, database: 'up', schema: schemaVersion });
  } catch (error) {
    sendJson(res, 503, { ok: false, database: 'down', detail: (error as Error).message });
  }
}

/** Starts the server; resolves once it listens. */
export async function startCollectionServer(options: StartOptions): Promise<CollectionServer> {
  const { config } = options;
  const now = options.now ?? (() => new Date());
  const db = openDb({ url: config.databaseUrl, maxConnections: config.maxConnections });
  const schemaVersion = await migrate(db.pool);
  if (config.bootstrapAdmin !== undefined && (await countAccounts(db)) === 0) {
    const admin = await createAccount(db, {
      username: config.bootstrapAdmin.username,
      displayName: config.bootstrapAdmin.username,
      role: 'admin',
      password: config.bootstrapAdmin.password,
      programmes: [],
    });
    await audit(db, { actor: 'config', action: 'account.create', target: admin.username });
  }
  const ctx: RouteContext = {
    db,
    now,
    maxBodyBytes: config.maxBodyBytes,
    sessionHours: config.sessionHours,
    secureCookies: config.tls !== undefined || config.behindProxy,
    loginLimiter: {
      user: createRateLimiter({ max: 5, windowMs: 15 * 60_000 }),
      client: createRateLimiter({ max: 30, windowMs: 15 * 60_000 }),
    },
  };
  const staticDir = config.staticDir ?? options.defaultStaticDir;
  let running = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://server.invalid');
    if (url.pathname === '/healthz') return healthz(db, res, schemaVersion);
    // A browser page of another site may not write here (cookies are SameSite=Strict too).
    const origin = header(req, 'origin');
    if (origin !== undefined && req.method !== 'GET') {
      const host = header(req, 'x-forwarded-host') ?? header(req, 'host') ?? '';
      if (new URL(origin).host !== host)
        throw new HttpError(403, 'forbidden', {
          vi: 'Trang web khác không được gửi yêu cầu tới máy chủ này.',
          en: 'Other sites may not send requests to this server.',
        });
    }
    if (url.pathname.startsWith('/api/v1/')) {
      const client = config.behindProxy
        ? (header(req, 'x-forwarded-for')?.split(',')[0]?.trim() ?? '')
        : (req.socket.remoteAddress ?? '');
      const handled = await route({ req, res, url, ctx, client });
      if (!handled)
        throw new HttpError(404, 'not-found', {
          vi: 'Không có đường dẫn này.',
          en: 'No such route.',
        });
      return;
    }
    const bridged = /^\/api\/invoke\/([a-z0-9-]+:[a-z0-9-]+)$/i.exec(url.pathname);
    if (bridged !== null && req.method === 'POST')
      return invokeFromBrowser(db, now, req, res, bridged[1]!);
    if (url.pathname === '/login' || url.pathname === '/login.js') {
      const js = url.pathname === '/login.js';
      res.writeHead(200, {
        'content-type': js ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8',
        'content-security-policy': WEB_CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      res.end(js ? LOGIN_JS : LOGIN_HTML);
      return;
    }
    // The desk itself opens with its token (`/?token=…`, given by the sign-in page).
    if (url.pathname === '/' && !url.searchParams.has('token')) {
      res.writeHead(302, { location: '/login' }).end();
      return;
    }
    if (staticDir === undefined)
      throw new HttpError(404, 'not-found', { vi: 'Không có trang này.', en: 'No such page.' });
    await serveStatic(req, res, staticDir, url.pathname);
  }

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    if (running >= config.maxConcurrent) {
      req.resume();
      sendError(res, busy());
      return;
    }
    running += 1;
    res.once('close', () => {
      running -= 1;
    });
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        // A refused body may still be arriving: it is discarded as it comes (never kept), so
        // the client reads the answer instead of a reset; the request timeout bounds it.
        if (!req.readableEnded) req.resume();
        sendError(res, error);
        return;
      }
      const detail = (error as Error).message ?? String(error);
      sendError(
        res,
        new HttpError(503, 'unavailable', {
          vi: `Máy chủ không xử lý được yêu cầu (cơ sở dữ liệu?): ${detail}`,
          en: `The server could not handle the request (database?): ${detail}`,
        }),
      );
    });
  };
  const server =
    config.tls === undefined
      ? createHttp(listener)
      : createHttps(
          { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) },
          listener,
        );
  server.requestTimeout = config.requestTimeoutMs;
  server.headersTimeout = Math.min(20_000, config.requestTimeoutMs);
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 100;
  const { host, port } = listenAddress(config);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${config.tls === undefined ? 'http' : 'https'}://${shownHost}:${bound}`,
    port: bound,
    db,
    schemaVersion,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await db.close();
    },
  };
}
