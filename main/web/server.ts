/**
 * The loopback web door: serves the renderer and the service over HTTP on 127.0.0.1 only.
 * Every API call needs the launch's random token; Host and Origin are checked so no other site
 * (and no DNS-rebinding page) can call it. Progress streams back as NDJSON lines.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IpcResult, LocalText } from '../service/define.js';
import type { UntypedService } from '../service/index.js';
import { MAX_DOCUMENT_BYTES } from '../service/storage/limits.js';
import { BUSY_MESSAGE, ChannelLimiter, type LimiterOptions } from '../service/limiter.js';
import { serveStatic } from './static.js';

/** Largest request body accepted, in bytes (photos and imported visit files travel in it). */
export const MAX_BODY_BYTES = MAX_DOCUMENT_BYTES;

/**
 * Server timeouts, in ms. A client that sends its headers or body slowly (slowloris) is cut
 * off; a finished answer's idle keep-alive connection is closed soon. Answers that stream
 * progress (a diagnostics sweep) are not limited: the request was received in full.
 */
export const WEB_TIMEOUTS = {
  /** All request headers must arrive within this. */
  headersMs: 10_000,
  /** The whole request (headers and body) must arrive within this. */
  requestMs: 60_000,
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: 5_000,
} as const;

/** Open connections at once; more wait in the kernel's backlog. */
export const MAX_CONNECTIONS = 512;
/** Header carrying the launch token. */
export const TOKEN_HEADER = 'x-xaso-token';

export type WebServerOptions = Readonly<{
  service: UntypedService;
  /** Folder of the built renderer (`out/renderer`). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; a fresh random one otherwise. */
  token?: string;
  /** Per-channel concurrency. @default 4 running, 64 queued */
  limits?: LimiterOptions;
  /** Shorter timeouts for tests. @default WEB_TIMEOUTS */
  timeouts?: Partial<Record<keyof typeof WEB_TIMEOUTS, number>>;
}>;

export type WebServer = Readonly<{
  url: string;
  origin: string;
  port: number;
  token: string;
  close: () => Promise<void>;
}>;

type Line = { type: 'progress'; event: unknown } | { type: 'result'; result: IpcResult<unknown> };

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, status: number, message: LocalText): void {
  const code =
    status === 400 || status === 413
      ? 'invalid-request'
      : status === 404
        ? 'not-found'
        : 'unavailable';
  // A refused request's body is never read: close the connection rather than leave the
  // client to reuse a socket the server is about to drop (a keep-alive "socket hang up").
  res.setHeader('connection', 'close');
  if (status === 503) res.setHeader('retry-after', '2');
  sendJson(res, status, { ok: false, error: { code, message } });
}

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Starts the web door. Resolves once it listens. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const { service } = options;
  let port = 0;
  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = (): Set<string> =>
    new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const limiter = new ChannelLimiter(options.limits);
  const tooLarge: LocalText = {
    vi: `Dữ liệu gửi lên quá lớn (tối đa ${MAX_BODY_BYTES / 1024 / 1024} MB).`,
    en: `Request body too large (at most ${MAX_BODY_BYTES / 1024 / 1024} MB).`,
  };

  async function invoke(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      refuse(res, 413, tooLarge);
      return;
    }
    // The turn comes before the body is read: waiting requests hold a socket, not their body.
    const gone = new AbortController();
    res.on('close', () => gone.abort());
    const turn = await limiter.acquire(channel, gone.signal);
    if (turn === undefined) {
      if (!gone.signal.aborted) refuse(res, 503, BUSY_MESSAGE);
      return;
    }
    try {
      await invokeNow(req, res, channel);
    } finally {
      turn.release();
    }
  }

  async function invokeNow(
    req: IncomingMessage,
    res: ServerResponse,
    channel: string,
  ): Promise<void> {
    const body = await readBody(req);
    if (body === 'too-large') {
      refuse(res, 413, tooLarge);
      return;
    }
    let payload: unknown = {};
    if (body.length > 0) {
      try {
        payload = JSON.parse(body.toString('utf8'));
      } catch {
        refuse(res, 400, {
          vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
          en: 'The request body is not valid JSON.',
        });
        return;
      }
    }
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    res.writeHead(200, {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store',
    });
    const write = (line: Line): void => {
      if (!res.writableEnded) res.write(`${JSON.stringify(line)}\n`);
    };
    const result = await service.invokeUnknown(channel, payload, {
      signal: controller.signal,
      onProgress: (event) => write({ type: 'progress', event }),
    });
    write({ type: 'result', result });
    res.end();
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Same answers for every path: a wrong Host means DNS rebinding or a proxy; never serve it.
    if (!allowedHosts().has(req.headers.host ?? '')) {
      refuse(res, 403, { vi: 'Sai địa chỉ máy chủ (Host).', en: 'Wrong Host header.' });
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      refuse(res, 403, {
        vi: 'Trang web khác không được gọi Xã Số.',
        en: 'Other sites may not call Xã Số.',
      });
      return;
    }
    // Prefixed, not resolved: `//x/…` is a path here, not another host (fast-check found it).
    const raw = req.url ?? '/';
    const url = raw.startsWith('/') ? URL.parse(`http://127.0.0.1:${port}${raw}`) : null;
    if (url === null) {
      refuse(res, 400, { vi: 'Địa chỉ yêu cầu sai.', en: 'Malformed request address.' });
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      await serveStatic(req, res, options.staticDir, url.pathname);
      return;
    }
    const given = req.headers[TOKEN_HEADER];
    if (!sameToken(Array.isArray(given) ? given[0] : given, token)) {
      refuse(res, 401, {
        vi: 'Thiếu hoặc sai mã truy cập. Hãy mở đúng đường dẫn mà Xã Số in ra khi khởi động.',
        en: 'Missing or wrong access token. Open the exact address Xã Số printed at start-up.',
      });
      return;
    }
    if (url.pathname === '/api/channels' && req.method === 'GET') {
      sendJson(res, 200, { ok: true, value: Object.keys(service.contract) });
      return;
    }
    const match = /^\/api\/invoke\/([a-z0-9-]+:[a-z0-9-]+)$/i.exec(url.pathname);
    if (match === null || req.method !== 'POST') {
      refuse(res, 404, { vi: 'Không có đường dẫn này.', en: 'No such route.' });
      return;
    }
    await invoke(req, res, match[1]!);
  }

  const timeouts = { ...WEB_TIMEOUTS, ...options.timeouts };
  const serverOptions = {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // How often Node looks for connections past those timeouts (default 30 s).
    connectionsCheckingInterval: Math.min(1000, timeouts.headersMs),
    maxHeaderSize: 16 * 1024,
  };
  const server = createServer(serverOptions, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        refuse(res, 500, {
          vi: `Lỗi nội bộ: ${String(error)}`,
          en: `Internal error: ${String(error)}`,
        });
      } else res.end();
    });
  });
  server.maxConnections = MAX_CONNECTIONS;
  server.maxHeadersCount = 100;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
