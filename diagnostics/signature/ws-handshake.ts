/**
 * A real WebSocket opening handshake (RFC 6455 §4): HTTP/1.1 Upgrade over TCP or TLS, answered
 * by `101 Switching Protocols` with the right `Sec-WebSocket-Accept`. An open port that speaks
 * something else (port 4433 is shared with unrelated software) is "refused", not "answering".
 */
import { createHash, randomBytes } from 'node:crypto';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

/** Outcome of one handshake attempt. */
export type HandshakeResult =
  | Readonly<{ outcome: 'answered'; url: string; ms: number }>
  | Readonly<{ outcome: 'refused'; url: string; reason: string; httpStatus?: number }>
  | Readonly<{ outcome: 'absent'; url: string; reason: string }>;

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** The `Sec-WebSocket-Accept` value for a key. */
export function acceptFor(key: string): string {
  return createHash('sha1')
    .update(key + GUID)
    .digest('base64');
}

/**
 * Opens `ws://` or `wss://` `url` and performs the handshake, then closes. Self-signed local
 * certificates are accepted: signing services use their own (DOMAIN.md §1.1).
 */
export function wsHandshake(
  url: string,
  options: Readonly<{ timeoutMs?: number; signal?: AbortSignal }> = {},
): Promise<HandshakeResult> {
  const target = new URL(url);
  const secure = target.protocol === 'wss:';
  const port = Number(target.port || (secure ? 443 : 80));
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const key = randomBytes(16).toString('base64');
  const started = Date.now();
  return new Promise((resolve) => {
    let buffer = '';
    let settled = false;
    const socket: Socket = secure
      ? tlsConnect({
          host,
          port,
          servername: /^[\d.:]+$/.test(host) ? '' : host,
          rejectUnauthorized: false,
        })
      : netConnect({ host, port });
    const done = (result: HandshakeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const onAbort = (): void => done({ outcome: 'absent', url, reason: 'aborted' });
    const timer = setTimeout(
      () =>
        done({
          outcome: 'refused',
          url,
          reason: `no handshake answer within ${options.timeoutMs ?? 3000} ms`,
        }),
      options.timeoutMs ?? 3000,
    );
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.once(secure ? 'secureConnect' : 'connect', () => {
      socket.write(
        [
          `GET ${target.pathname}${target.search} HTTP/1.1`,
          `Host: ${target.host}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          `Sec-WebSocket-Key: ${key}`,
          'Sec-WebSocket-Version: 13',
          'Origin: https://localhost',
          '',
          '',
        ].join('\r\n'),
      );
    });
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0 && buffer.length < 16_384) return;
      done(judge(buffer.slice(0, end < 0 ? undefined : end), key, url, started));
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const absent = [
        'ECONNREFUSED',
        'EHOSTUNREACH',
        'ENETUNREACH',
        'ENOTFOUND',
        'EADDRNOTAVAIL',
      ].includes(error.code ?? '');
      done(
        absent
          ? { outcome: 'absent', url, reason: error.code ?? error.message }
          : { outcome: 'refused', url, reason: `${error.code ?? ''} ${error.message}`.trim() },
      );
    });
    socket.on('end', () =>
      done({ outcome: 'refused', url, reason: 'connection closed without a handshake answer' }),
    );
  });
}

function judge(head: string, key: string, url: string, started: number): HandshakeResult {
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN);
  if (Number.isNaN(status))
    return { outcome: 'refused', url, reason: 'the port answered, but not with HTTP' };
  if (status !== 101)
    return {
      outcome: 'refused',
      url,
      reason: `HTTP ${status} instead of 101 Switching Protocols`,
      httpStatus: status,
    };
  const accept = lines
    .find((l) => /^sec-websocket-accept:/i.test(l))
    ?.split(':')[1]
    ?.trim();
  if (accept !== acceptFor(key))
    return { outcome: 'refused', url, reason: 'wrong Sec-WebSocket-Accept', httpStatus: status };
  return { outcome: 'answered', url, ms: Date.now() - started };
}
