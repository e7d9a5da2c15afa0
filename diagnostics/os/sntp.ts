/**
 * A minimal SNTP client (RFC 4330): one UDP request, the clock offset from the four timestamps.
 */
import { createSocket } from 'node:dgram';

/** Seconds between 1900-01-01 (NTP era 0) and 1970-01-01. */
const NTP_EPOCH_OFFSET = 2_208_988_800;

/** Result of one SNTP exchange, in milliseconds; offset > 0 means the local clock is behind. */
export type SntpResult = Readonly<{
  offsetMs: number;
  roundTripMs: number;
  server: string;
  stratum: number;
}>;

/** Writes epoch ms as a 64-bit NTP timestamp at `at`. */
export function writeNtpTime(buf: Buffer, at: number, ms: number): void {
  const secs = Math.floor(ms / 1000) + NTP_EPOCH_OFFSET;
  buf.writeUInt32BE(secs >>> 0, at);
  buf.writeUInt32BE(Math.floor(((ms % 1000) / 1000) * 2 ** 32) >>> 0, at + 4);
}

/** Reads a 64-bit NTP timestamp as epoch ms. */
export function readNtpTime(buf: Buffer, at: number): number {
  return (
    (buf.readUInt32BE(at) - NTP_EPOCH_OFFSET) * 1000 + (buf.readUInt32BE(at + 4) / 2 ** 32) * 1000
  );
}

/** `host`, `host:port` or `[v6]:port` → host and port (default 123). */
export function splitServer(server: string): { host: string; port: number } {
  const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(
    server.includes(':') && !server.startsWith('[') && server.split(':').length > 2
      ? `[${server}]`
      : server,
  );
  return { host: m?.[1] ?? server, port: Number(m?.[2] ?? 123) };
}

/** Asks `server` for the time; rejects on timeout, abort or a malformed answer. */
export function sntpQuery(
  server: string,
  options: Readonly<{ timeoutMs?: number; signal?: AbortSignal; now?: () => number }> = {},
): Promise<SntpResult> {
  const { host, port } = splitServer(server);
  const now = options.now ?? Date.now;
  return new Promise((resolve, reject) => {
    const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    const finish = (error: Error | undefined, result?: SntpResult): void => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.close();
      if (error) reject(error);
      else resolve(result!);
    };
    const onAbort = (): void => finish(new Error('aborted'));
    const timer = setTimeout(
      () =>
        finish(new Error(`no SNTP answer from ${server} within ${options.timeoutMs ?? 3000} ms`)),
      options.timeoutMs ?? 3000,
    );
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const request = Buffer.alloc(48);
    request[0] = 0x23; // LI 0, version 4, mode 3 (client)
    const t1 = now();
    writeNtpTime(request, 40, t1);
    socket.on('error', (error) => finish(error));
    socket.on('message', (msg) => {
      const t4 = now();
      if (msg.length < 48 || (msg[0]! & 0x07) !== 4 || msg[1] === 0)
        return finish(new Error('malformed SNTP answer (not a server reply, or kiss-of-death)'));
      const t2 = readNtpTime(msg, 32);
      const t3 = readNtpTime(msg, 40);
      finish(undefined, {
        offsetMs: Math.round((t2 - t1 + (t3 - t4)) / 2),
        roundTripMs: Math.max(0, Math.round(t4 - t1 - (t3 - t2))),
        server,
        stratum: msg[1]!,
      });
    });
    // A connected socket turns an ICMP "port unreachable" into ECONNREFUSED instead of a timeout.
    // On a failed DNS lookup Node calls the connect callback with the error (not in its types).
    socket.connect(port, host, ((error?: Error) => {
      if (error) return finish(error);
      socket.send(request, 0, request.length, (sendError) => {
        if (sendError) finish(sendError);
      });
    }) as () => void);
  });
}
