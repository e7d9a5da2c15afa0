/**
 * Windows PC names on the LAN without DNS: the NetBIOS node status query (RFC 1002 §4.2.17,
 * what `nbtstat -A` sends) over an ordinary UDP socket to port 137. Answers within the window
 * are kept; silence is not an error.
 */
import { createSocket } from 'node:dgram';

/** What a host said about itself. */
export type NetbiosInfo = Readonly<{ name: string; workgroup?: string }>;

/** The node-status request for `*` (wildcard name), with transaction id `id`. */
export function nodeStatusRequest(id: number): Buffer {
  const header = Buffer.from([id >> 8, id & 0xff, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
  const raw = Buffer.alloc(16);
  raw[0] = 0x2a; // '*', then NULs
  const encoded = Buffer.alloc(32);
  raw.forEach((byte, i) => {
    encoded[2 * i] = 0x41 + (byte >> 4);
    encoded[2 * i + 1] = 0x41 + (byte & 0x0f);
  });
  return Buffer.concat([
    header,
    Buffer.from([0x20]),
    encoded,
    Buffer.from([0x00, 0x00, 0x21, 0x00, 0x01]),
  ]);
}

function skipName(buffer: Buffer, at: number): number {
  let offset = at;
  for (;;) {
    const len = buffer[offset];
    if (len === undefined) throw new Error('NetBIOS: truncated');
    if ((len & 0xc0) === 0xc0) return offset + 2;
    if (len === 0) return offset + 1;
    offset += len + 1;
  }
}

/** Parses a node-status answer: the unique `<00>` name and the `<00>` group (workgroup). */
export function parseNodeStatus(buffer: Buffer): NetbiosInfo | undefined {
  if (buffer.length < 12 || (buffer[2]! & 0x80) === 0) return undefined;
  let at = skipName(buffer, 12) + 10; // type, class, TTL, RDLENGTH
  const count = buffer[at];
  if (count === undefined) return undefined;
  at += 1;
  let name: string | undefined;
  let workgroup: string | undefined;
  for (let i = 0; i < count && at + 18 <= buffer.length; i += 1, at += 18) {
    const label = buffer.toString('latin1', at, at + 15).trim();
    const suffix = buffer[at + 15];
    const group = (buffer[at + 16]! & 0x80) !== 0;
    if (suffix === 0x00 && !group) name ??= label;
    if (suffix === 0x00 && group) workgroup ??= label;
  }
  if (name === undefined) return undefined;
  return workgroup === undefined ? { name } : { name, workgroup };
}

/**
 * Asks every address at once and listens for `timeoutMs` after the last request went out, and
 * at least until `until` settles (the scan's TCP phase), so a slow answer is not lost to timing.
 */
export function netbiosNames(
  ips: readonly string[],
  options: Readonly<{ timeoutMs?: number; port?: number; until?: Promise<unknown> }> = {},
): Promise<Map<string, NetbiosInfo>> {
  const names = new Map<string, NetbiosInfo>();
  const wanted = new Set(ips);
  return new Promise((resolve) => {
    if (ips.length === 0) return resolve(names);
    const socket = createSocket('udp4');
    let closed = false;
    const finish = (): void => {
      if (closed) return;
      closed = true;
      socket.close();
      resolve(names);
    };
    socket.on('error', finish);
    socket.on('message', (msg, rinfo) => {
      try {
        const info = parseNodeStatus(msg);
        if (info !== undefined && wanted.has(rinfo.address)) names.set(rinfo.address, info);
      } catch {
        // A malformed answer teaches us nothing; the host keeps its other facts.
      }
    });
    socket.bind(0, () => {
      let left = ips.length;
      const window = (): void => {
        const waited = new Promise((r) => setTimeout(r, options.timeoutMs ?? 700));
        void Promise.all([waited, options.until?.catch(() => undefined)]).then(finish);
      };
      ips.forEach((ip, i) =>
        socket.send(nodeStatusRequest(0x5800 + (i % 0x7ff)), options.port ?? 137, ip, () => {
          left -= 1;
          if (left === 0) window();
        }),
      );
    });
  });
}
