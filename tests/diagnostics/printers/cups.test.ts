/**
 * Printers against real peers: an `ippeveprinter` (IPP Everywhere) and a CUPS queue `x4-…`
 * pointing at it (tests/helpers/ipp-printer.ts). Lists, reads state and supplies, prints a test
 * page followed to completion (the file arrives in the printer's spool), reads a bad state, and
 * clears a stuck queue.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createProbeContext } from '../../../diagnostics/context.js';
import { printerBackend } from '../../../diagnostics/printers/backend.js';
import { queryIppPrinter } from '../../../diagnostics/printers/ipp-printer.js';
import { printersProbe } from '../../../diagnostics/printers/printers-probe.js';
import { enrichPrinter } from '../../../diagnostics/printers/status.js';
import {
  addCupsQueue,
  startIppPrinter,
  type CupsQueue,
  type IppPrinter,
} from '../../helpers/ipp-printer.js';

const exec = promisify(execFile);
const QUEUE = `x4-test-${process.pid}`;
let printer: IppPrinter;
let queue: CupsQueue;

beforeAll(async () => {
  printer = await startIppPrinter({ name: 'x4 Commune Printer' });
  queue = await addCupsQueue(QUEUE, printer.uri);
});

afterAll(async () => {
  await queue?.remove();
  await printer?.stop();
});

const backend = () => printerBackend(createProbeContext());

describe('network printer over IPP (ippeveprinter)', () => {
  it('reads state, make and model, and supplies with levels', async () => {
    const result = await queryIppPrinter({ uri: printer.uri });
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.data.state).toBe('idle');
    expect(result.data.makeModel).toBe('HP LaserJet Test');
    expect(result.data.supplies).toContainEqual({
      name: 'Black Toner',
      type: 'toner',
      levelPercent: 75,
      color: 'black',
    });
    expect(result.data.faults).toEqual([]);
  });

  it('says "could not check" for a printer that does not answer', async () => {
    const result = await queryIppPrinter(
      { uri: 'ipp://127.0.0.1:1/ipp/print' },
      { timeoutMs: 1000 },
    );
    expect(result.status).toBe('failed');
  });
});

describe('CUPS queue', () => {
  it('lists the queue with its device, state and no stuck jobs', async () => {
    const result = await backend().list();
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    const mine = result.data.find((p) => p.name === QUEUE);
    expect(mine).toMatchObject({
      source: 'cups',
      state: 'idle',
      port: printer.uri,
      networkHost: 'localhost',
      acceptingJobs: true,
      jobs: [],
    });
  });

  it('prints a test page, follows the job to completion, and the file arrives in the spool', async () => {
    const before = (await printer.spooledFiles()).length;
    const result = await backend().printTestPage(QUEUE, { timeoutMs: 60_000 });
    expect(result.outcome).toBe('completed');
    expect(result.jobId).toBeGreaterThan(0);
    const files = await printer.waitForSpooledFiles(before + 1);
    expect(files.length).toBe(before + 1);
  });

  it('explains a printer in a bad state: toner empty and paper out', async () => {
    await printer.setTonerLevel(0);
    await printer.setPaperLevel(0);
    try {
      const list = await backend().list();
      if (list.status !== 'ok') throw new Error(list.reason);
      const mine = await enrichPrinter(list.data.find((p) => p.name === QUEUE)!);
      expect(mine.stateReasons).toEqual(
        expect.arrayContaining(['toner-empty-report', 'media-empty-report']),
      );
      expect(mine.faults.map((f) => f.code)).toEqual(
        expect.arrayContaining(['toner-empty', 'media-empty']),
      );
      expect(mine.supplies?.find((s) => s.type === 'toner')?.levelPercent).toBe(0);
      expect(mine.faults.find((f) => f.code === 'toner-empty')?.fix.vi).toMatch(/hộp mực/);
    } finally {
      await printer.setTonerLevel(75);
      await printer.setPaperLevel(250);
    }
  });

  it('finds jobs stuck in a paused queue, and clears them with an account', async () => {
    await exec('cupsdisable', [QUEUE]);
    try {
      await exec('lp', ['-d', QUEUE, '/usr/share/cups/data/testprint']);
      const list = await backend().list();
      if (list.status !== 'ok') throw new Error(list.reason);
      const mine = list.data.find((p) => p.name === QUEUE)!;
      expect(mine.state).toBe('stopped');
      expect(mine.jobs.length).toBe(1);
      expect(mine.faults.map((f) => f.code)).toEqual(
        expect.arrayContaining(['paused', 'stuck-jobs']),
      );
      const report = await backend().clearQueue(QUEUE);
      expect(report).toMatchObject({ jobsBefore: 1, jobsAfter: 0 });
      expect(report.actions[0]?.ok).toBe(true);
    } finally {
      await exec('cupsenable', [QUEUE]);
    }
  });

  it('names a network printer that no longer answers at its address', async () => {
    const enriched = await enrichPrinter({
      name: 'gone',
      source: 'cups',
      state: 'idle',
      stateReasons: [],
      port: 'socket://127.0.0.1:1',
      jobs: [],
      faults: [],
    });
    expect(enriched.faults.map((f) => f.code)).toEqual(['port-unreachable']);
  });

  it('feeds the PC sweep: one check per printer (probe printers.installed)', async () => {
    const checks = await printersProbe.run(createProbeContext(), {
      signal: new AbortController().signal,
    });
    const mine = checks.find((c) => c.id === `printers.printer.${QUEUE}`);
    expect(mine).toMatchObject({ area: 'printers', status: 'ok' });
    expect(mine?.detail.vi).toMatch(/Sẵn sàng/);
  });
});
