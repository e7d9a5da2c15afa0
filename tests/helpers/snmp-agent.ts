/**
 * A real SNMP agent (Net-SNMP `snmpd`, package `snmpd`) on a loopback UDP port, serving
 * Printer-MIB / HOST-RESOURCES-MIB values through `override` lines, as an older network printer
 * without IPP would. Stopped by `stop()`.
 */
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { snmpGet } from '../../diagnostics/printers/snmp/client.js';
import { waitFor } from './ipp-printer.js';

/** What the fake printer reports. `errorState` is the first octet of hrPrinterDetectedErrorState as a printable character (e.g. 'D' = 0x44 = noPaper + jammed). */
export type SnmpPrinterValues = Readonly<{
  model: string;
  status: number;
  errorState: string;
  supplies: readonly Readonly<{ name: string; max: number; level: number }>[];
}>;

/** A running agent. */
export type SnmpAgent = Readonly<{ port: number; stop: () => Promise<void> }>;

function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

function config(port: number, v: SnmpPrinterValues): string {
  const lines = [
    `agentaddress udp:127.0.0.1:${port}`,
    'rocommunity public 127.0.0.1',
    `override .1.3.6.1.2.1.25.3.5.1.1.1 integer ${v.status}`,
    `override .1.3.6.1.2.1.25.3.5.1.2.1 octet_str "${v.errorState}"`,
    `override .1.3.6.1.2.1.25.3.2.1.3.1 octet_str "${v.model}"`,
  ];
  v.supplies.forEach((s, i) => {
    lines.push(`override .1.3.6.1.2.1.43.11.1.1.6.1.${i + 1} octet_str "${s.name}"`);
    lines.push(`override .1.3.6.1.2.1.43.11.1.1.8.1.${i + 1} integer ${s.max}`);
    lines.push(`override .1.3.6.1.2.1.43.11.1.1.9.1.${i + 1} integer ${s.level}`);
  });
  return `${lines.join('\n')}\n`;
}

/** Starts snmpd with the values and waits until it answers. */
export async function startSnmpAgent(values: SnmpPrinterValues): Promise<SnmpAgent> {
  const dir = await mkdtemp(join(tmpdir(), 'x4-snmpd-'));
  const port = await freeUdpPort();
  await writeFile(join(dir, 'snmpd.conf'), config(port, values));
  const child = spawn(
    'snmpd',
    [
      '-f',
      '-Lo',
      '-C',
      '-c',
      join(dir, 'snmpd.conf'),
      '-p',
      join(dir, 'snmpd.pid'),
      '-M',
      '/nonexistent',
      '-m',
      '',
    ],
    { stdio: 'ignore' },
  );
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  await waitFor(
    async () =>
      exited ||
      (await snmpGet({ host: '127.0.0.1', port, timeoutMs: 200 }, [
        '1.3.6.1.2.1.25.3.5.1.1.1',
      ]).then(
        () => true,
        () => false,
      )),
    10_000,
    'snmpd',
  );
  if (exited) throw new Error('snmpd exited at start');
  return {
    port,
    async stop() {
      if (!exited) child.kill('SIGTERM');
      await waitFor(async () => exited, 5000, 'snmpd to stop').catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
