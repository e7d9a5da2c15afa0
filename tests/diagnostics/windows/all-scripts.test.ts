/**
 * Every PowerShell script of the catalogue (`windowsScripts()`), exactly as shipped, runs in real
 * PowerShell 7 against both fake Windows machines, in Full and in Constrained Language Mode:
 * exit code 0, nothing on stderr (the preamble silences every other stream), and output that the
 * app's parsers read. Facts: every section present and ok, but those a machine lacks by design.
 */
import { describe, expect, it } from 'vitest';

import { FACT_SECTIONS, type FactSection } from '../../../diagnostics/windows/facts-script.js';
import { parseFactsOutput } from '../../../diagnostics/windows/facts.js';
import { parsePowerShellJson } from '../../../diagnostics/windows/powershell.js';
import { windowsScripts, windowsScriptText } from '../../../diagnostics/windows/scripts.js';
import { fakeWindowsRunner, MACHINE_NAMES, RUN_WINDOWS_TESTS } from '../../helpers/fake-windows.js';

/** Sections a machine lacks by design, with the error WMI gives there. */
const LACKS: Readonly<Record<string, Partial<Record<FactSection, RegExp>>>> = {
  // A desktop: no ACPI thermal zone exposed ("Not supported", as on most desktops).
  'vi-VN-commune-pc': { temps: /Not supported/ },
  'en-US-laptop': {},
};

/** Scripts that take another path in Constrained Language Mode (`$xasoClm`): run in both modes. */
const CLM_PATHS = new Set(['host-info', 'facts', 'wifi']);
const cases = MACHINE_NAMES.flatMap((machine) =>
  windowsScripts().flatMap((script) =>
    (CLM_PATHS.has(script.id)
      ? (['FullLanguage', 'ConstrainedLanguage'] as const)
      : (['FullLanguage'] as const)
    ).map((languageMode) => ({
      machine,
      languageMode,
      script,
      name: `${machine} ${languageMode} ${script.id}`,
    })),
  ),
);
/** The test machines have 2 CPUs shared with other test files: the app's own limits are tested elsewhere. */
const TEST_TIMEOUT_MS = 60_000;

describe.runIf(RUN_WINDOWS_TESTS)('every Windows script in pwsh against the fake machines', () => {
  it('covers every script of the catalogue on both machines', () => {
    expect(new Set(cases.map((c) => c.script.id)).size).toBe(windowsScripts().length);
    expect(MACHINE_NAMES).toEqual(['vi-VN-commune-pc', 'en-US-laptop']);
  });

  it.each(cases)('$name', async ({ machine, languageMode, script }) => {
    const output = await fakeWindowsRunner({ machine, languageMode })(windowsScriptText(script), {
      timeoutMs: Math.max(script.timeoutMs, TEST_TIMEOUT_MS),
    });
    expect(output.stderr).toBe('');
    expect(output.exitCode).toBe(0);
    expect(output.truncated).toBe(false);
    // ASCII only: `xasoJson` escapes every non-ASCII character, whatever the console code page.
    expect(output.stdout).toMatch(/^[\x00-\x7F]*$/);
    if (script.id === 'facts') {
      const sections = parseFactsOutput(output.stdout);
      expect([...sections.keys()]).toEqual(FACT_SECTIONS);
      for (const section of FACT_SECTIONS) {
        const result = sections.get(section);
        const lacks = LACKS[machine]?.[section];
        if (lacks === undefined) expect(result, section).toMatchObject({ status: 'ok' });
        else
          expect(
            result?.status === 'failed' && lacks.test(result.reason),
            `${section}: ${JSON.stringify(result)}`,
          ).toBe(true);
      }
      return;
    }
    const parsed = parsePowerShellJson(output.stdout);
    expect(parsed.status, output.stdout).toBe('ok');
    if (script.id === 'host-info' && parsed.status === 'ok') {
      expect(parsed.data).toMatchObject({
        LanguageMode: languageMode,
        Culture: machine.slice(0, 5),
        PSEdition: 'Core',
      });
    }
  });
});
