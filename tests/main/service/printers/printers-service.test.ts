/**
 * `printers:*` through the service against a real ippeveprinter and a CUPS queue `x4-svc-…`:
 * list, direct IPP status, test page followed to completion, confirmation required for repairs,
 * and the account of a cleared queue.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type {
  PrinterInfo,
  RepairReport,
  TestPageResult,
} from '../../../../diagnostics/printers/types.js';
import { defaultEnv } from '../../../../main/service/env.js';
import { createService, type Service } from '../../../../main/service/index.js';
import {
  addCupsQueue,
  startIppPrinter,
  type CupsQueue,
  type IppPrinter,
} from '../../../helpers/ipp-printer.js';
import { startSnmpAgent } from '../../../helpers/snmp-agent.js';

const exec = promisify(execFile);
const QUEUE = `x4-svc-${process.pid}`;
let printer: IppPrinter;
let queue: CupsQueue;
let service: Service;
let dataDir: string;

beforeAll(async () => {
  printer = await startIppPrinter({ name: 'x4 service printer', model: 'LaserJet Svc' });
  queue = await addCupsQueue(QUEUE, printer.uri);
  dataDir = await mkdtemp(join(tmpdir(), 'x4-printers-'));
  service = createService(defaultEnv({ door: 'test', dataDir, version: '0.0.0' }));
});

afterAll(async () => {
  await queue?.remove();
  await printer?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('printers:* channels', () => {
  it('lists the queue, asking the printer itself for supplies', async () => {
    const result = await service.invoke('printers:list', {});
    expect(result.ok).toBe(true);
    const mine = (result.ok ? (result.value as PrinterInfo[]) : []).find((p) => p.name === QUEUE);
    expect(mine?.supplies?.find((s) => s.type === 'toner')?.levelPercent).toBe(75);
  });

  it('reads a network printer directly over IPP, and fails clearly when none answers', async () => {
    const ok = await service.invoke('printers:status', { uri: printer.uri });
    expect(ok.ok && (ok.value as PrinterInfo).makeModel).toBe('HP LaserJet Svc');
    const none = await service.invoke('printers:status', { host: '127.0.0.1' });
    expect(none).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const empty = await service.invoke('printers:status', {});
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('prints a test page and reports it completed', async () => {
    const before = (await printer.spooledFiles()).length;
    const result = await service.invoke('printers:test-page', { name: QUEUE });
    expect(result.ok && (result.value as TestPageResult).outcome).toBe('completed');
    await printer.waitForSpooledFiles(before + 1);
  });

  it('falls back to SNMP (Printer-MIB) for a printer without IPP', async () => {
    const agent = await startSnmpAgent({
      model: 'Canon LBP2900',
      status: 3,
      errorState: '@',
      supplies: [{ name: 'Toner', max: 100, level: 40 }],
    });
    try {
      const result = await service.invoke('printers:status', {
        host: '127.0.0.1',
        snmp: { port: agent.port },
      });
      if (!result.ok) throw new Error(result.error.message.en);
      expect(result.value as PrinterInfo).toMatchObject({
        source: 'snmp',
        makeModel: 'Canon LBP2900',
        stateReasons: ['noPaper'],
      });
      expect((result.value as PrinterInfo).faults.map((f) => f.code)).toEqual(['media-empty']);
    } finally {
      await agent.stop();
    }
  });

  it('refuses repairs without confirm: true', async () => {
    expect(await service.invokeUnknown('printers:clear-queue', { name: QUEUE })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(
      await service.invokeUnknown('printers:restart-spooler', { confirm: false }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('clears a stuck queue and says what it did', async () => {
    await exec('cupsdisable', [QUEUE]);
    try {
      await exec('lp', ['-d', QUEUE, '/usr/share/cups/data/testprint']);
      await exec('lp', ['-d', QUEUE, '/usr/share/cups/data/testprint']);
      const result = await service.invoke('printers:clear-queue', { name: QUEUE, confirm: true });
      if (!result.ok) throw new Error(result.error.message.en);
      const report = result.value as RepairReport;
      expect(report).toMatchObject({ jobsBefore: 2, jobsAfter: 0 });
      expect(report.actions[0]).toMatchObject({ ok: true });
      expect(report.actions[0]?.what.vi).toMatch(/cancel -a/);
    } finally {
      await exec('cupsenable', [QUEUE]);
    }
  });
});
