/**
 * The clock probe against a local SNTP server on loopback (never a real NTP server).
 */
import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createProbeContext } from '../../../diagnostics/context.js';
import { clockProbe } from '../../../diagnostics/os/clock.js';
import { readNtpTime, sntpQuery, writeNtpTime } from '../../../diagnostics/os/sntp.js';
import { runSweep } from '../../../diagnostics/sweep.js';
import { startSntpServer } from '../../helpers/sntp-server.js';

describe('os.clock via SNTP on loopback', () => {
  let skew = 0;
  let peer: { server: string; socket: Socket };
  beforeAll(async () => {
    peer = await startSntpServer(() => Date.now() + skew);
  });
  afterAll(() => peer?.socket.close());

  it('writes and reads NTP timestamps', () => {
    const buf = Buffer.alloc(48);
    writeNtpTime(buf, 40, 1_763_880_000_123);
    expect(readNtpTime(buf, 40)).toBeCloseTo(1_763_880_000_123, 0);
  });

  it.each([
    [0, 'ok'],
    [-90_000, 'warn'],
    [600_000, 'fail'],
  ] as const)('server %i ms off → %s', async (offset, status) => {
    skew = offset;
    const { checks } = await runSweep(
      createProbeContext({ settings: { ntpServer: peer.server } }),
      { probes: [clockProbe] },
    );
    expect(checks[0]?.status).toBe(status);
    expect(Math.abs(Number(checks[0]?.values?.['offsetMs']) - offset)).toBeLessThan(1000);
  });

  it('measures the offset of a local clock that is wrong', async () => {
    skew = 0;
    const result = await sntpQuery(peer.server, { now: () => Date.now() - 3_600_000 });
    expect(Math.round(result.offsetMs / 60_000)).toBe(60);
  });

  it('a server that does not exist → unknown with the reason', async () => {
    const closed = createSocket('udp4');
    await new Promise<void>((resolve) => closed.bind(0, '127.0.0.1', resolve));
    const server = `127.0.0.1:${(closed.address() as AddressInfo).port}`;
    closed.close();
    const { checks } = await runSweep(createProbeContext({ settings: { ntpServer: server } }), {
      probes: [clockProbe],
    });
    expect(checks[0]).toMatchObject({ status: 'unknown' });
    expect(checks[0]?.reason).toMatch(/cannot reach the time server/);
  });
});
