/**
 * Going through the configured HTTP proxy like a browser does: which proxy applies to a URL
 * (Windows `ProxyServer` forms, `ProxyOverride` bypass list, `no_proxy`), and one timed GET
 * through it — `CONNECT host:port` then TLS for https, an absolute-URI GET for http. The target
 * name is resolved by the proxy, not here. A PAC script (`AutoConfigURL`) is not evaluated.
 */
import { connect as netConnect, type Socket } from 'node:net';
import {
  connect as tlsConnect,
  getCACertificates,
  rootCertificates,
  type TLSSocket,
} from 'node:tls';

import { tlsVerdict, type RequestOutcome } from './endpoint-request.js';
import type { ProxySettings } from './types.js';

/** A proxy to use: host and port. */
export type ProxyAddress = Readonly<{ host: string; port: number }>;

function hostPort(text: string): ProxyAddress | undefined {
  const match = /^(?:[a-z]+:\/\/)?([^:/\s]+)(?::(\d+))?\/?$/i.exec(text.trim());
  if (match?.[1] === undefined) return undefined;
  return { host: match[1], port: match[2] === undefined ? 80 : Number(match[2]) };
}

function bypassed(host: string, bypass: string | undefined): boolean {
  for (const raw of (bypass ?? '').split(/[;,\s]+/).filter((p) => p !== '')) {
    if (raw === '<local>') {
      if (!host.includes('.')) return true;
      continue;
    }
    const pattern = new RegExp(
      `^${raw
        .replace(/^\./, '*.')
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')}$`,
      'i',
    );
    if (pattern.test(host)) return true;
  }
  return false;
}

/**
 * The proxy for `url`, or undefined for a direct connection. Understands `host:port`,
 * `http://host:port` and Windows' `http=h:p;https=h:p` form.
 */
export function proxyFor(settings: ProxySettings, url: URL): ProxyAddress | undefined {
  if (!settings.enabled || settings.server === undefined || bypassed(url.hostname, settings.bypass))
    return undefined;
  const scheme = url.protocol.replace(':', '');
  if (!settings.server.includes('=')) return hostPort(settings.server);
  const parts = new Map(
    settings.server
      .split(';')
      .map((p) => p.split('=') as [string, string])
      .map(([k, v]) => [k.trim().toLowerCase(), v ?? '']),
  );
  const chosen = parts.get(scheme) ?? parts.get('http');
  return chosen === undefined ? undefined : hostPort(chosen);
}

function trustedRoots(extra: readonly string[]): string[] {
  try {
    return [...getCACertificates('default'), ...getCACertificates('system'), ...extra];
  } catch {
    return [...rootCertificates, ...extra];
  }
}

/** Decodes a `Transfer-Encoding: chunked` body (as much as arrived). */
export function dechunk(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = Number.parseInt(raw.subarray(at, eol).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(raw.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** Reads an HTTP head (status, Date, Location) and up to `bodyBytes` of body from `socket`. */
function readResponse(
  socket: Socket,
  bodyBytes: number,
  onHead: () => void,
): Promise<{ status: number; headers: Map<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    let data = Buffer.alloc(0);
    let head: { status: number; headers: Map<string, string>; at: number } | undefined;
    const finish = (): void => {
      socket.destroy();
      if (head === undefined)
        return reject(Object.assign(new Error('closed before an answer'), { code: 'ECONNRESET' }));
      const raw = data.subarray(head.at);
      const body = /chunked/i.test(head.headers.get('transfer-encoding') ?? '')
        ? dechunk(raw)
        : raw;
      resolve({
        status: head.status,
        headers: head.headers,
        body: body.subarray(0, bodyBytes).toString('utf8'),
      });
    };
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      if (head === undefined) {
        const end = data.indexOf('\r\n\r\n');
        if (end < 0) return;
        const lines = data.subarray(0, end).toString('latin1').split('\r\n');
        const headers = new Map(
          lines
            .slice(1)
            .map((l) => [
              l.slice(0, l.indexOf(':')).trim().toLowerCase(),
              l.slice(l.indexOf(':') + 1).trim(),
            ]),
        );
        head = {
          status: Number(/^HTTP\/\d\.\d (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0),
          headers,
          at: end + 4,
        };
        onHead();
      }
      if (data.length - head.at >= bodyBytes) finish();
    });
    socket.once('end', finish);
    socket.once('error', reject);
  });
}

/** Options of {@link proxiedRequest}. */
export type ProxiedRequestOptions = Readonly<{
  proxy: ProxyAddress;
  url: URL;
  ca?: readonly string[];
  timeoutMs: number;
  bodyBytes?: number;
}>;

async function openTunnel(
  proxy: ProxyAddress,
  url: URL,
  port: number,
  state: { tcpMs?: number },
  since: () => number,
  track: (s: Socket) => Socket,
): Promise<Socket> {
  const socket = track(netConnect({ host: proxy.host, port: proxy.port }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  state.tcpMs = since();
  socket.write(`CONNECT ${url.hostname}:${port} HTTP/1.1\r\nHost: ${url.hostname}:${port}\r\n\r\n`);
  const answer = await new Promise<number>((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString('latin1');
      if (!seen.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      resolve(Number(/^HTTP\/\d\.\d (\d{3})/.exec(seen)?.[1] ?? 0));
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
  if (answer !== 200)
    throw Object.assign(new Error(`the proxy refused CONNECT (${answer})`), {
      code: `PROXY_${answer}`,
    });
  return socket;
}

async function connected(socket: Socket, event: 'connect' | 'secureConnect'): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    socket.once(event, () => resolve());
    socket.once('error', reject);
  });
}

/** One GET of `url` through `proxy`, timed like a direct request. Never throws. */
export async function proxiedRequest(options: ProxiedRequestOptions): Promise<RequestOutcome> {
  const { proxy, url } = options;
  const start = performance.now();
  const since = (): number => Math.round(performance.now() - start);
  const state: { -readonly [K in keyof RequestOutcome]: RequestOutcome[K] } = {};
  const secure = url.protocol === 'https:';
  const port = url.port === '' ? (secure ? 443 : 80) : Number(url.port);
  const sockets: Socket[] = [];
  const track = (s: Socket): Socket => {
    sockets.push(s);
    return s;
  };
  const phase = (code: string): 'tcp' | 'tls' | 'http' =>
    state.tcpMs === undefined || code.startsWith('PROXY_')
      ? 'tcp'
      : secure && state.tlsMs === undefined
        ? 'tls'
        : 'http';
  const work = async (): Promise<void> => {
    let socket: Socket;
    if (secure) {
      const tunnel = await openTunnel(proxy, url, port, state, since, track);
      const tls: TLSSocket = tlsConnect({
        socket: tunnel,
        servername: url.hostname,
        ca: trustedRoots(options.ca ?? []),
        rejectUnauthorized: false,
      });
      track(tls);
      await connected(tls, 'secureConnect');
      state.tlsMs = since();
      state.tls = tlsVerdict(tls, url.hostname);
      socket = tls;
    } else {
      socket = track(netConnect({ host: proxy.host, port: proxy.port }));
      await connected(socket, 'connect');
      state.tcpMs = since();
    }
    const target = secure ? `${url.pathname}${url.search}` : url.href;
    socket.write(
      `GET ${target} HTTP/1.1\r\nHost: ${url.host}\r\nUser-Agent: XaSo-diagnostics/0.1\r\nConnection: close\r\n\r\n`,
    );
    const response = await readResponse(socket, options.bodyBytes ?? 0, () => {
      state.httpMs = since();
    });
    state.status = response.status;
    const date = response.headers.get('date');
    const location = response.headers.get('location');
    if (date !== undefined) state.date = date;
    if (location !== undefined) state.location = location;
    if ((options.bodyBytes ?? 0) > 0) state.body = response.body;
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
  });
  const outcome = await Promise.race([
    work().then(
      () => 'done' as const,
      (error: unknown) => {
        const code = (error as NodeJS.ErrnoException).code ?? 'ERROR';
        state.error = {
          phase: phase(code),
          code,
          message: error instanceof Error ? error.message : String(error),
        };
        return 'failed' as const;
      },
    ),
    timeout,
  ]);
  clearTimeout(timer);
  if (outcome === 'timeout')
    state.error = {
      phase: phase('TIMEOUT'),
      code: 'TIMEOUT',
      message: `no answer within ${options.timeoutMs} ms`,
    };
  for (const s of sockets) s.destroy();
  return { ...state, endMs: since() };
}
