/**
 * Table-driven tests of every Windows parser on PowerShell JSON fixtures, vi-VN and en-US:
 * tests/fixtures/<probe>/win32/<locale>/<case>.json → <case>.expected.json
 * ({ parsed, statuses }). `UPDATE_FIXTURES=1` rewrites the expected files (review the diff).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { CheckResult } from '../../../diagnostics/types.js';
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
const cases = Object.keys(PARSERS).flatMap((probe) =>
  ['vi-VN', 'en-US'].flatMap((locale) => {
    const dir = join(ROOT, probe, 'win32', locale);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
      .map((f) => ({ probe, locale, file: join(dir, f), name: `${probe}/${locale}/${f}` }));
  }),
);

describe('Windows parsers on documented PowerShell JSON (vi-VN, en-US)', () => {
  it('has fixtures in both locales for every parser', () => {
    for (const probe of Object.keys(PARSERS)) {
      for (const locale of ['vi-VN', 'en-US'])
        expect(
          cases.some((c) => c.probe === probe && c.locale === locale),
          `${probe} ${locale}`,
        ).toBe(true);
    }
  });

  it.each(cases)('$name', ({ probe, file }) => {
    const { parsed, checks } = PARSERS[probe]!(JSON.parse(readFileSync(file, 'utf8')));
    const actual = JSON.parse(
      JSON.stringify({ parsed, statuses: checks.map((c) => `${c.id}: ${c.status}`) }),
    );
    const expectedFile = file.replace(/\.json$/, '.expected.json');
    if (process.env['UPDATE_FIXTURES'] === '1')
      writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
  });
});

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
