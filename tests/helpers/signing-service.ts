/**
 * A local stand-in for a signing service (VGCA Sign Service, VNPT-CA Plugin): a real WS/WSS
 * server on loopback, on an ephemeral port, that either answers the WebSocket handshake
 * (`answers`), speaks plain HTTP and refuses the upgrade (`refuses`), or is `absent` (a port
 * that was open and is now closed). Reusable by any test.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How the stand-in behaves. */
export type ServiceMode = 'answers' | 'refuses' | 'absent';

/** A running (or deliberately absent) stand-in. */
export type SigningServiceStandIn = Readonly<{
  url: string;
  port: number;
  mode: ServiceMode;
  close: () => Promise<void>;
}>;

let cachedCert: { key: string; cert: string } | undefined;

/** A self-signed certificate for 127.0.0.1/localhost, made once per test process with openssl. */
export function selfSignedCert(): { key: string; cert: string } {
  if (cachedCert) return cachedCert;
  const dir = mkdtempSync(join(tmpdir(), 'xaso-wss-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'k.pem'),
        '-out',
        join(dir, 'c.pem'),
        '-days',
        '2',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    cachedCert = {
      key: readFileSync(join(dir, 'k.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'c.pem'), 'utf8'),
    };
    return cachedCert;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

/**
 * Starts a stand-in. `tls` (default true) serves `wss://`, like the real services.
 * `path` is the URL path in the returned url (VNPT: `/plugin`).
 */
export async function startSigningService(
  mode: ServiceMode,
  options: Readonly<{ tls?: boolean; path?: string }> = {},
): Promise<SigningServiceStandIn> {
  const { tls = true, path = '/' } = options;
  const server: Server = tls ? createHttpsServer(selfSignedCert()) : createHttpServer();
  server.on('request', (_req, res) =>
    res
      .writeHead(mode === 'refuses' ? 403 : 426, { 'content-type': 'text/plain' })
      .end('not a websocket endpoint'),
  );
  const upgraded = new Set<Duplex>();
  server.on('upgrade', (req, socket) => {
    upgraded.add(socket);
    socket.on('close', () => upgraded.delete(socket));
    if (mode === 'refuses') {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    const key = String(req.headers['sec-websocket-key'] ?? '');
    const accept = createHash('sha1')
      .update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`)
      .digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    socket.on('error', () => undefined);
    socket.on('end', () => socket.destroy());
  });
  const port = await listen(server);
  const url = `${tls ? 'wss' : 'ws'}://127.0.0.1:${port}${path}`;
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      server.closeAllConnections();
      for (const socket of upgraded) socket.destroy();
      server.close(() => resolve());
    });
  if (mode === 'absent') {
    await close();
    return { url, port, mode, close: async () => undefined };
  }
  return { url, port, mode, close };
}
