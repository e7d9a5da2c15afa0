/**
 * A tiny SNTP server on loopback (RFC 4330, stratum 2) for the clock checks: its clock is
 * `clock()` (epoch ms; default this machine's), so a test can make it agree with a fake PC or
 * run ahead of ours. Never a real NTP server.
 */
import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';

import { writeNtpTime } from '../../diagnostics/os/sntp.js';

/** A running stand-in: `server` is `127.0.0.1:PORT` for `settings.ntpServer`; close `socket`. */
export type SntpStandIn = Readonly<{ server: string; socket: Socket }>;

/** Starts the stand-in on an ephemeral UDP port. */
export async function startSntpServer(clock: () => number = Date.now): Promise<SntpStandIn> {
  const socket = createSocket('udp4');
  socket.on('message', (msg, peer) => {
    const reply = Buffer.alloc(48);
    reply[0] = 0x24; // version 4, mode 4 (server)
    reply[1] = 2; // stratum
    msg.copy(reply, 24, 40, 48); // originate = client's transmit
    const now = clock();
    writeNtpTime(reply, 32, now);
    writeNtpTime(reply, 40, now);
    socket.send(reply, peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { server: `127.0.0.1:${(socket.address() as AddressInfo).port}`, socket };
}
