/**
 * Small local HTTP(S) servers for network tests: each on an ephemeral port of the given address,
 * answering with a chosen status, body, Date header and delay.
 */
import {
  createServer as createHttp,
  type IncomingMessage,
  type ServerResponse,
  type Server,
} from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';

/** How a server answers. */
export type Behaviour = Readonly<{
  status?: number;
  body?: string;
  headers?: Readonly<Record<string, string>>;
  /** Sent as the Date header (default: now). */
  date?: Date;
  delayMs?: number;
}>;

/** A running server. */
export type TestServer = Readonly<{ port: number; close: () => Promise<void> }>;

function handler(behaviour: Behaviour) {
  return (_req: IncomingMessage, res: ServerResponse): void => {
    const send = (): void => {
      res.sendDate = false;
      res.writeHead(behaviour.status ?? 200, {
        date: (behaviour.date ?? new Date()).toUTCString(),
        'content-type': 'text/plain',
        ...behaviour.headers,
      });
      res.end(behaviour.body ?? 'ok');
    };
    if (behaviour.delayMs === undefined) send();
    else setTimeout(send, behaviour.delayMs);
  };
}

async function listen(server: Server, host: string): Promise<TestServer> {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An HTTPS server with `cert`/`key`. */
export function startHttps(
  host: string,
  tls: Readonly<{ cert: string; key: string }>,
  behaviour: Behaviour = {},
): Promise<TestServer> {
  return listen(createHttps({ cert: tls.cert, key: tls.key }, handler(behaviour)), host);
}

/** A plain HTTP server. */
export function startHttp(host: string, behaviour: Behaviour = {}): Promise<TestServer> {
  return listen(createHttp(handler(behaviour)), host);
}
