/**
 * Both JSON dialects, from one real run of each script in pwsh against the fake machines: what
 * PowerShell 7 prints, and the same rewritten the way Windows PowerShell 5.1 prints it
 * (`"\/Date(ms)\/"` dates, arrays wrapped as `{"value":[…],"Count":n}`: tests/helpers/ps51-dialect.ts).
 * The parsers and probes must give the same answers for both.
 */
import { describe, expect, it } from 'vitest';

import { parseWin32Network } from '../../../diagnostics/network/config-win32.js';
import { machineProbes } from '../../../diagnostics/machine-probes.js';
import { parseWindowsPrinters } from '../../../diagnostics/printers/windows-printers.js';
import { parseWin32Neighbours } from '../../../diagnostics/scan/neighbours-win32.js';
import { runSweep } from '../../../diagnostics/sweep.js';
import { parsePowerShellJson } from '../../../diagnostics/windows/powershell.js';
import { windowsScripts, windowsScriptText } from '../../../diagnostics/windows/scripts.js';
import {
  fakeWindowsContext,
  fakeWindowsRunner,
  MACHINE_NAMES,
  RUN_WINDOWS_TESTS,
} from '../../helpers/fake-windows.js';

const NOW = Date.parse('2026-11-23T08:00:00Z');

const PARSERS: Readonly<Record<string, (data: unknown) => unknown>> = {
  'network-config': parseWin32Network,
  neighbours: parseWin32Neighbours,
  printers: parseWindowsPrinters,
};

describe.runIf(RUN_WINDOWS_TESTS).each(MACHINE_NAMES)(
  'the 5.1 and 7 JSON dialects on %s',
  (machine) => {
    it('give the same sweep, check for check', async () => {
      const [seven, legacy] = await Promise.all(
        (['7', '5.1'] as const).map((dialect) =>
          runSweep(fakeWindowsContext({ machine, dialect, now: () => NOW }), {
            probes: machineProbes,
          }),
        ),
      );
      expect(seven?.checks.length).toBeGreaterThan(20);
      expect(legacy?.checks).toEqual(seven?.checks);
    }, 90_000);

    it('really differ: the 5.1 facts carry \\/Date(ms)\\/ dates and wrapped arrays', async () => {
      const facts = windowsScripts().find((s) => s.id === 'facts');
      if (facts === undefined) throw new Error('no facts script');
      const out = await fakeWindowsRunner({ machine, dialect: '5.1' })(windowsScriptText(facts), {
        timeoutMs: 60_000,
      });
      expect(out.stdout).toMatch(/"\\\/Date\(\d+\)\\\/"/);
      expect(out.stdout).toMatch(/\{"value":\[.*?\],"Count":\d+\}/);
    }, 60_000);

    it('give the same network configuration, neighbours and printers', async () => {
      for (const [id, parse] of Object.entries(PARSERS)) {
        const script = windowsScripts().find((s) => s.id === id);
        if (script === undefined) throw new Error(`no script ${id}`);
        const answers = await Promise.all(
          (['7', '5.1'] as const).map(async (dialect) => {
            const out = await fakeWindowsRunner({ machine, dialect })(windowsScriptText(script), {
              timeoutMs: 60_000,
            });
            const json = parsePowerShellJson(out.stdout);
            return json.status === 'ok' ? parse(json.data) : json;
          }),
        );
        expect(answers[1], id).toEqual(answers[0]);
      }
    }, 90_000);
  },
);
