/**
 * Table-driven tests of every Windows parser on what the shipped facts script prints in pwsh
 * against the fake machines (tests/fixtures/windows/<machine>, see SOURCE.md there): one
 * `tests/fixtures/<probe>/win32/<locale>/<machine>.expected.json` ({ parsed, statuses }) per parser
 * and machine, checked by hand against the machine data and the documentation.
 * The expectations are written by hand once; nothing here rewrites them from the parser's output.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import type { CheckResult, ProbeResult } from '../../../diagnostics/types.js';
import { factsScript, type FactSection } from '../../../diagnostics/windows/facts-script.js';
import { parseFactsOutput } from '../../../diagnostics/windows/facts.js';
import { powershellCommandText } from '../../../diagnostics/windows/powershell.js';
import { fakeWindowsRunner, RUN_WINDOWS_TESTS } from '../../helpers/fake-windows.js';
import { evaluateBattery, parseWindowsBattery } from '../../../diagnostics/hardware/battery.js';
import { evaluateDisk, parseWindowsDisks } from '../../../diagnostics/hardware/disk-health.js';
import { evaluateVolume, parseWindowsVolumes } from '../../../diagnostics/hardware/filesystems.js';
import { evaluateMemory, parseWindowsMemory } from '../../../diagnostics/hardware/memory.js';
import { evaluateWindows, parseWindowsVersion } from '../../../diagnostics/os/os-version.js';
import { evaluateZone, parseWindowsZone } from '../../../diagnostics/os/timezone.js';
import { evaluateUptime, parseWindowsUptime } from '../../../diagnostics/os/uptime.js';
import {
  evaluateModules,
  parseWindowsModules,
} from '../../../diagnostics/signature/pkcs11-modules.js';
import { evaluateScard, parseServices } from '../../../diagnostics/signature/smartcard-service.js';
import { evaluateStore, parseStoreCerts } from '../../../diagnostics/signature/store-certs.js';
import { evaluateTokens, parseWindowsUsb } from '../../../diagnostics/signature/usb-tokens.js';
import {
  evaluateOffice,
  evaluateSigning,
  evaluateTyping,
} from '../../../diagnostics/software/apps.js';
import { evaluateBrowsers } from '../../../diagnostics/software/browsers.js';
import { evaluateFonts, parseWindowsFonts } from '../../../diagnostics/software/fonts.js';
import { parseUninstall } from '../../../diagnostics/software/installed.js';
import {
  evaluateAntivirus,
  evaluateFirewall,
  evaluateUpdates,
  parseSecurity,
} from '../../../diagnostics/software/security.js';
import { parsePsDate } from '../../../diagnostics/windows/powershell.js';
import { asArray } from '../../../diagnostics/windows/powershell.js';
import { fakeContext, fakeRun, output } from '../fake-context.js';

const NOW = Date.parse('2026-11-25T00:00:00Z');
const ctx = fakeContext(
  'win32',
  fakeRun(() => output('')),
  { now: () => NOW },
);

type Parser = (json: unknown) => { parsed: unknown; checks: CheckResult[] };

const PARSERS: Readonly<Record<string, Parser>> = {
  'os-version': (j) => {
    const v = parseWindowsVersion(j);
    const m = parseWindowsMemory(j);
    return {
      parsed: { version: v, memory: m },
      checks: [evaluateWindows(v!, NOW), evaluateMemory(m!)],
    };
  },
  uptime: (j) => {
    const o = j as { os: unknown; reboot: unknown };
    const u = parseWindowsUptime(o.os, o.reboot, NOW);
    return { parsed: u, checks: [evaluateUptime(u!)] };
  },
  filesystems: (j) => {
    const v = parseWindowsVolumes(j);
    return { parsed: v, checks: v.map(evaluateVolume) };
  },
  'disk-health': (j) => {
    const d = parseWindowsDisks(j);
    return { parsed: d, checks: d.map(evaluateDisk) };
  },
  battery: (j) => {
    const b = parseWindowsBattery(j);
    return { parsed: b, checks: [evaluateBattery(b)] };
  },
  timezone: (j) => {
    const z = parseWindowsZone(j);
    return { parsed: z, checks: [evaluateZone(z!)] };
  },
  installed: (j) => {
    const l = parseUninstall(j);
    return {
      parsed: l,
      checks: [
        evaluateBrowsers(l, true),
        evaluateTyping(l, []),
        evaluateOffice(l),
        evaluateSigning(l),
      ],
    };
  },
  fonts: (j) => {
    const f = parseWindowsFonts(j);
    return { parsed: f, checks: [evaluateFonts(f)] };
  },
  security: (j) => {
    const s = parseSecurity(j);
    return { parsed: s, checks: [evaluateAntivirus(s.antivirus), evaluateFirewall(s.firewall)] };
  },
  updates: (j) => {
    const dates = asArray(j)
      .map((h) => parsePsDate((h as Record<string, unknown>)['InstalledOn']))
      .filter((d): d is number => d !== undefined);
    return {
      parsed: dates.map((d) => new Date(d).toISOString()),
      checks: [evaluateUpdates(Math.max(...dates), NOW, 'Get-HotFix')],
    };
  },
  'usb-tokens': (j) => {
    const d = parseWindowsUsb(j);
    return { parsed: d, checks: [evaluateTokens(d)] };
  },
  'smartcard-service': (j) => {
    const s = parseServices(j);
    return { parsed: s, checks: [evaluateScard(s)] };
  },
  'pkcs11-modules': (j) => {
    const m = parseWindowsModules(j);
    return { parsed: m, checks: evaluateModules(m) };
  },
  'store-certs': (j) => {
    const s = parseStoreCerts(j);
    return {
      parsed: { my: s.my.length, ca: s.ca.length, roots: [...s.rootSha256] },
      checks: evaluateStore(s, ctx),
    };
  },
};

const ROOT = join(import.meta.dirname, '../../fixtures');
/** The fake machines, and where their expectations live (tests/fixtures/<probe>/win32/<locale>/<case>.expected.json). */
const MACHINES = [
  { machine: 'vi-VN-commune-pc', locale: 'vi-VN', name: 'commune-pc' },
  { machine: 'en-US-laptop', locale: 'en-US', name: 'laptop' },
] as const;

/** What each parser reads from the facts batch. */
const INPUT: Readonly<Record<string, (facts: Map<FactSection, ProbeResult<unknown>>) => unknown>> =
  {
    'os-version': (f) => data(f, 'os'),
    uptime: (f) => ({ os: data(f, 'os'), reboot: data(f, 'reboot') }),
    filesystems: (f) => data(f, 'volumes'),
    'disk-health': (f) => data(f, 'physicalDisks'),
    battery: (f) => data(f, 'battery'),
    timezone: (f) => data(f, 'timezone'),
    installed: (f) => data(f, 'uninstall'),
    fonts: (f) => data(f, 'fonts'),
    security: (f) => data(f, 'security'),
    updates: (f) => data(f, 'hotfix'),
    'usb-tokens': (f) => data(f, 'usb'),
    'smartcard-service': (f) => data(f, 'services'),
    'pkcs11-modules': (f) => data(f, 'modules'),
    'store-certs': (f) => data(f, 'certs'),
  };

function data(facts: Map<FactSection, ProbeResult<unknown>>, section: FactSection): unknown {
  const result = facts.get(section);
  if (result?.status !== 'ok') throw new Error(`section ${section}: ${JSON.stringify(result)}`);
  return result.data;
}

/** Paths of the fake machine's folder, as `$env:SystemRoot` gave them, made machine-independent. */
const portable = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value).replaceAll(
      join(ROOT, 'windows').replace(/\\/g, '\\\\'),
      '<fixtures>/windows',
    ),
  );

describe.runIf(RUN_WINDOWS_TESTS)(
  'Windows parsers on the facts batch run in pwsh against the fake machines',
  () => {
    const facts = new Map<string, Map<FactSection, ProbeResult<unknown>>>();
    beforeAll(async () => {
      for (const { machine } of MACHINES) {
        const output = await fakeWindowsRunner({ machine })(powershellCommandText(factsScript()), {
          timeoutMs: 60_000,
        });
        expect(output.stderr).toBe('');
        facts.set(machine, parseFactsOutput(output.stdout));
      }
    });

    it('has an expectation for every parser on both machines', () => {
      for (const probe of Object.keys(PARSERS)) {
        for (const { locale, name } of MACHINES)
          expect(
            existsSync(join(ROOT, probe, 'win32', locale, `${name}.expected.json`)),
            `${probe} ${locale}`,
          ).toBe(true);
      }
    });

    const cases = Object.keys(PARSERS).flatMap((probe) =>
      MACHINES.map((m) => ({ probe, ...m, title: `${probe}/${m.locale}/${m.name}` })),
    );
    it.each(cases)('$title', ({ probe, machine, locale, name }) => {
      const input = INPUT[probe]!(facts.get(machine)!);
      const { parsed, checks } = PARSERS[probe]!(input);
      const actual = portable({ parsed, statuses: checks.map((c) => `${c.id}: ${c.status}`) });
      const expectedFile = join(ROOT, probe, 'win32', locale, `${name}.expected.json`);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  },
);

describe('parsePsDate', () => {
  it.each([
    ['/Date(1763856000000)/', 1763856000000],
    ['\\/Date(1763856000000)\\/', 1763856000000],
    ['/Date(1763856000000+0700)/', 1763856000000],
    ['2026-11-23T08:00:00Z', Date.parse('2026-11-23T08:00:00Z')],
    [{ value: '/Date(5)/', DisplayHint: 2 }, 5],
    ['', undefined],
    [null, undefined],
    ['garbage', undefined],
  ] as const)('%j → %j', (input, expected) => {
    expect(parsePsDate(input)).toBe(expected);
  });
});
