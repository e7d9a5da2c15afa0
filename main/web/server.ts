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
import { serveStatic } from './static.js';

/** Largest request body accepted, in bytes (photos and imported visit files travel in it). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;
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

  async function invoke(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    const body = await readBody(req);
    if (body === 'too-large') {
      refuse(res, 413, { vi: 'Dữ liệu gửi lên quá lớn.', en: 'Request body too large.' });
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
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
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

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        refuse(res, 500, {
          vi: `Lỗi nội bộ: ${String(error)}`,
          en: `Internal error: ${String(error)}`,
        });
      } else res.end();
    });
  });
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
