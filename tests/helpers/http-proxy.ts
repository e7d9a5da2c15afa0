/**
 * A small real HTTP proxy for tests: `CONNECT host:port` tunnels and absolute-URI GETs, with its
 * own name table (as an office proxy resolves names itself), or refusing with a status (407).
 */
import { createServer, request, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** A running proxy. */
export type TestProxy = Readonly<{ port: number; server: string; close: () => Promise<void> }>;

/** Options: names it resolves (`name → address`), or a status it refuses everything with. */
export type ProxyOptions = Readonly<{ names?: Readonly<Record<string, string>>; refuse?: number }>;

/** Starts the proxy on 127.0.0.1 (ephemeral port). */
export async function startProxy(options: ProxyOptions = {}): Promise<TestProxy> {
  const resolveName = (host: string): string => options.names?.[host] ?? host;
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    if (options.refuse !== undefined) return void res.writeHead(options.refuse).end();
    const url = new URL(req.url ?? '/');
    const upstream = request(
      {
        host: resolveName(url.hostname),
        port: Number(url.port || 80),
        path: `${url.pathname}${url.search}`,
        method: req.method,
        headers: req.headers,
      },
      (answer: IncomingMessage) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('connect', (req: IncomingMessage, client: Socket) => {
    if (options.refuse !== undefined)
      return void client.end(`HTTP/1.1 ${options.refuse} Refused\r\n\r\n`);
    const [host = '', port = '443'] = (req.url ?? '').split(':');
    const target = connect({ host: resolveName(host), port: Number(port) }, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      target.pipe(client);
      client.pipe(target);
    });
    target.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
    client.on('error', () => target.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    server: `127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
