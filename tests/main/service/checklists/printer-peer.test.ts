/**
 * The printer checklists' automatic steps against a real IPP Everywhere printer (CUPS'
 * ippeveprinter, tests/helpers/ipp-printer.ts) behind a real CUPS queue, read by the real
 * `printers.installed` probe. Ports 8641–8649 (this engineer's range).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { printersProbe } from '../../../../diagnostics/printers/printers-probe.js';
import { createProbeContext } from '../../../../diagnostics/index.js';
import { addCupsQueue, startIppPrinter, type CupsQueue, type IppPrinter } from '../../../helpers/ipp-printer.js';
import { makeService, type TestService } from './setup.js';

let printer: IppPrinter | undefined;
let queue: CupsQueue | undefined;
let svc: TestService | undefined;

beforeAll(async () => {
  printer = await startIppPrinter({ name: 'x5 May in xa', portRange: [8641, 8649] });
  queue = await addCupsQueue(`x5-checklist-${process.pid}`, printer.uri);
  svc = await makeService({ probes: [printersProbe], ctx: createProbeContext() });
});
afterAll(async () => {
  await svc?.cleanup();
  await queue?.remove();
  await printer?.stop();
});

describe('printer checklists against a real IPP printer', () => {
  it('"Xã Số sees the printer and it is ready" passes for a ready printer', async () => {
    const { run } = await svc!.call('checklists:start-run', { checklistId: 'printer-network' });
    const view = await svc!.call('checklists:run-check', { runId: run.runId, stepId: 'seen' });
    const state = view.run.steps['seen']?.check;
    expect(state?.passed).toBe(true);
    expect(state?.checks.map((c) => c.id)).toContain(`printers.printer.${queue!.name}`);
  });

  it('the stuck-queue check fails while the toner is empty, and passes on "check again" once refilled', async () => {
    await printer!.setTonerLevel(0);
    const { run } = await svc!.call('checklists:start-run', { checklistId: 'printer-stuck-queue' });
    let view = await svc!.call('checklists:run-check', { runId: run.runId, stepId: 'state' });
    const mine = (v: typeof view) => v.run.steps['state']?.check?.checks.find((c) => c.id === `printers.printer.${queue!.name}`);
    expect(view.run.steps['state']?.check?.passed).toBe(false);
    expect(mine(view)?.status).not.toBe('ok');
    expect(view.steps.find((s) => s.id === 'state')?.missing).toEqual(['reason']);
    await printer!.setTonerLevel(80);
    view = await svc!.call('checklists:run-check', { runId: run.runId, stepId: 'state' });
    expect(mine(view)?.status).toBe('ok');
  });
});
