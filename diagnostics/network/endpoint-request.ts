/**
 * One HTTP(S) request to an already-resolved address, timed phase by phase on a single
 * connection: TCP connected, TLS handshake done (certificate verdict taken, not enforced, so the
 * server's Date can still be read), first response byte. Never throws.
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import {
  checkServerIdentity,
  getCACertificates,
  rootCertificates,
  type PeerCertificate,
  type TLSSocket,
} from 'node:tls';
import type { Socket } from 'node:net';

/** What one request saw. `phase` is the last phase reached when it failed. */
export type RequestOutcome = Readonly<{
  /** When the request ended (answer, failure or the time limit), from its start. */
  endMs?: number;
  tcpMs?: number;
  tlsMs?: number;
  httpMs?: number;
  status?: number;
  date?: string;
  location?: string;
  body?: string;
  tls?: Readonly<{
    authorized: boolean;
    error?: string;
    subject?: string;
    issuer?: string;
    validFrom?: string;
    validTo?: string;
  }>;
  error?: Readonly<{ phase: 'tcp' | 'tls' | 'http'; code: string; message: string }>;
}>;

/** Options of {@link timedRequest}. */
export type TimedRequestOptions = Readonly<{
  address: string;
  url: URL;
  /** Extra trusted CA certificates (PEM), added to Node's bundled roots. */
  ca?: readonly string[];
  timeoutMs: number;
  /** Read up to this many bytes of the body (for the connectivity probe); default 0. */
  bodyBytes?: number;
  signal?: AbortSignal;
}>;

/** Node's bundled roots plus the OS store (Windows certificate store, Linux CA bundle). */
function trustedRoots(): string[] {
  try {
    return [...getCACertificates('default'), ...getCACertificates('system')];
  } catch {
    return [...rootCertificates];
  }
}

/** The certificate verdict of a finished TLS handshake (trusted, and for `host`). */
export function tlsVerdict(socket: TLSSocket, host: string): NonNullable<RequestOutcome['tls']> {
  const cert: PeerCertificate = socket.getPeerCertificate();
  const identity = socket.authorized ? checkServerIdentity(host, cert) : undefined;
  // Node gives `authorizationError` as OpenSSL's code itself (CERT_HAS_EXPIRED…): said once.
  const error = socket.authorized
    ? identity === undefined
      ? undefined
      : `ERR_TLS_CERT_ALTNAME_INVALID: ${identity.message}`
    : String(socket.authorizationError ?? 'UNKNOWN');
  return {
    authorized: socket.authorized && identity === undefined,
    ...(error === undefined ? {} : { error }),
    ...(cert.subject?.CN === undefined ? {} : { subject: String(cert.subject.CN) }),
    ...(cert.issuer?.CN === undefined ? {} : { issuer: String(cert.issuer.CN) }),
    ...(cert.valid_from === undefined
      ? {}
      : { validFrom: new Date(cert.valid_from).toISOString() }),
    ...(cert.valid_to === undefined ? {} : { validTo: new Date(cert.valid_to).toISOString() }),
  };
}

/** Sends GET `url` to `address` (Host and SNI from the URL). */
export function timedRequest(options: TimedRequestOptions): Promise<RequestOutcome> {
  const { url, address } = options;
  const secure = url.protocol === 'https:';
  const start = performance.now();
  const since = (): number => Math.round(performance.now() - start);
  const state: { -readonly [K in keyof RequestOutcome]: RequestOutcome[K] } = {};
  return new Promise((resolve) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      state.endMs = since();
      clearTimeout(timer);
      req.destroy();
      resolve(state);
    };
    const fail = (code: string, message: string): void => {
      const phase =
        state.tcpMs === undefined ? 'tcp' : secure && state.tlsMs === undefined ? 'tls' : 'http';
      state.error = { phase, code, message };
      finish();
    };
    const common = {
      host: address,
      port: url.port === '' ? (secure ? 443 : 80) : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: { host: url.host, 'user-agent': 'XaSo-diagnostics/0.1', accept: '*/*' },
      agent: false as const,
    };
    const onResponse = (res: IncomingMessage): void => {
      state.httpMs = since();
      state.status = res.statusCode ?? 0;
      if (typeof res.headers.date === 'string') state.date = res.headers.date;
      if (typeof res.headers.location === 'string') state.location = res.headers.location;
      const limit = options.bodyBytes ?? 0;
      if (limit === 0) return finish();
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= limit) {
          state.body = Buffer.concat(chunks).toString('utf8').slice(0, limit);
          finish();
        }
      });
      res.on('end', () => {
        state.body = Buffer.concat(chunks).toString('utf8');
        finish();
      });
      res.on('error', () => finish());
    };
    const req: ClientRequest = secure
      ? httpsRequest(
          {
            ...common,
            servername: url.hostname,
            ca: [...trustedRoots(), ...(options.ca ?? [])],
            rejectUnauthorized: false,
          },
          onResponse,
        )
      : httpRequest(common, onResponse);
    req.on('socket', (socket: Socket) => {
      socket.once('connect', () => {
        state.tcpMs = since();
      });
      if (secure) {
        socket.once('secureConnect', () => {
          state.tlsMs = since();
          state.tls = tlsVerdict(socket as TLSSocket, url.hostname);
        });
      }
    });
    req.on('error', (error: NodeJS.ErrnoException) => fail(error.code ?? 'ERROR', error.message));
    const timer = setTimeout(
      () => fail('TIMEOUT', `no answer within ${options.timeoutMs} ms`),
      options.timeoutMs,
    );
    options.signal?.addEventListener('abort', () => fail('ABORTED', 'aborted'), { once: true });
    req.end();
  });
}
