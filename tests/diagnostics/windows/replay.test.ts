/**
 * Replays every field capture (tests/fixtures/captures/<name>/capture.json) through the whole
 * service as Windows: a service whose host is a win32 context whose PowerShell is the recording
 * runner (`diagnostics:run` with the machine probes, `network:config`, `printers:list` without
 * network queries), once as captured and once rewritten into Windows PowerShell 5.1's JSON dialect.
 * A check may be `unknown` only for a reason the capture agrees with: a facts section it reads
 * errored (and the check says so), or the probe needs something a capture does not hold (the
 * network, a program). A section the capture answered must give a verdict.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { CommandNotFoundError } from '../../../diagnostics/errors.js';
import { machineProbes } from '../../../diagnostics/machine-probes.js';
import type { CheckResult, HostContext, RunCommand } from '../../../diagnostics/types.js';
import { parseFactsOutput } from '../../../diagnostics/windows/facts.js';
import { asArray, num, parsePowerShellJson } from '../../../diagnostics/windows/powershell.js';
import { parseWin32Network } from '../../../diagnostics/network/config-win32.js';
import { parseWindowsPrinters } from '../../../diagnostics/printers/windows-printers.js';
import { parseWin32Neighbours } from '../../../diagnostics/scan/neighbours-win32.js';
import type { FactSection } from '../../../diagnostics/windows/facts-script.js';
import { fakeFs, fakeOs } from '../../fakes/fake-host.js';
import type { Capture } from '../../../diagnostics/windows/capture-types.js';
import type { DiagnosticsProgressData } from '../../../main/service/diagnostics/contract.js';
import { defaultEnv } from '../../../main/service/env.js';
import { createService, type Service } from '../../../main/service/index.js';
import { loadCapture, recordingPowerShell } from '../../fakes/recording-powershell.js';
import { as51Dialect } from '../../helpers/ps51-dialect.js';

const CAPTURES = join(import.meta.dirname, '../../fixtures/captures');
const names = readdirSync(CAPTURES).filter((n) => existsSync(join(CAPTURES, n, 'capture.json')));

/** The facts sections each probe reads (diagnostics/*: `windowsSection(ctx, …)`). */
const SECTIONS_OF: Readonly<Record<string, readonly FactSection[]>> = {
  'hardware.cpu': ['cpu'],
  'hardware.memory': ['os'],
  'hardware.filesystems': ['volumes'],
  'hardware.disk-health': ['physicalDisks'],
  'hardware.battery': ['battery'],
  'hardware.temperature': ['temps'],
  'os.version': ['os'],
  'os.uptime': ['os', 'reboot'],
  'os.timezone': ['timezone'],
  'software.browsers': ['uninstall'],
  'software.vietnamese-input': ['uninstall', 'processes'],
  'software.office': ['uninstall'],
  'software.signing': ['uninstall'],
  'software.fonts': ['fonts'],
  'software.antivirus': ['security'],
  'software.firewall': ['security'],
  'software.updates': ['hotfix'],
  'signature.usb-tokens': ['usb'],
  'signature.smartcard-service': ['services'],
  'signature.pkcs11-modules': ['modules'],
  'signature.store-certs': ['certs'],
};

/**
 * Unknowns the captured data itself says: Windows reported the value as unknown. Each returns
 * true only when the section's data really does.
 */
const DATA_SAYS_UNKNOWN: Readonly<Record<string, (data: unknown) => boolean>> = {
  // MSFT_PhysicalDisk HealthStatus 5 = Unknown (NVMe without a vendor driver, USB bridges).
  'hardware.disk-health': (data) =>
    asArray(data).some((d) => num(d, 'HealthStatus') === 5 || num(d, 'HealthStatus') === undefined),
};

/** No program but PowerShell exists in a replay (ping.exe, w32tm…). */
const noProgram: RunCommand = (file) =>
  Promise.reject(new CommandNotFoundError(`${file}: not in a capture replay`));

/** The replay host: win32, PowerShell from the recording, no other program, nothing of this machine. */
function replayHost(capture: Capture, transform?: (stdout: string) => string) {
  const { runner, calls } = recordingPowerShell(capture, transform);
  const host: HostContext = {
    platform: 'win32',
    run: noProgram,
    powershell: runner,
    now: () => Date.parse(capture.takenAt),
    env: { SystemRoot: 'C:\\Windows', ProgramFiles: 'C:\\Program Files' },
    os: fakeOs(),
    fs: fakeFs(),
  };
  return { host, calls };
}

/** The app's service on `host` (machine probes only: a replay has no network to reach). */
async function replayService(host: HostContext): Promise<Service> {
  const dataDir = await mkdtemp(join(tmpdir(), 'xaso-replay-'));
  return createService(
    defaultEnv({
      door: 'test',
      version: '0.0.0-test',
      dataDir,
      host,
      // Loopback only (NTP here, the signing services by default): nothing listens, so those say "could not check".
      diagnostics: { settings: { ntpServer: '127.0.0.1:9' }, probes: machineProbes },
    }),
  );
}

/** `diagnostics:run` through the service, with the probe that produced each check. */
async function sweep(
  host: HostContext,
): Promise<{ checks: CheckResult[]; probeOf: Map<string, string> }> {
  const service = await replayService(host);
  const probeOf = new Map<string, string>();
  const result = await service.invoke(
    'diagnostics:run',
    {},
    {
      onProgress: (e) => {
        const data = e.data as DiagnosticsProgressData | undefined;
        for (const c of data?.checks ?? []) probeOf.set(c.id, data?.probeId ?? '?');
      },
    },
  );
  if (!result.ok) throw new Error(result.error.message.en);
  return { checks: [...result.value.checks], probeOf };
}

const DIALECTS = [
  ['as captured', undefined],
  ['rewritten into the 5.1 dialect', as51Dialect],
] as const;

describe.each(names)('capture %s replayed as Windows', (name) => {
  const capture = loadCapture(join(CAPTURES, name, 'capture.json'));
  const facts = parseFactsOutput(capture.scripts.find((s) => s.id === 'facts')?.stdout ?? '');

  it('has its SOURCE.md', () => {
    expect(existsSync(join(CAPTURES, name, 'SOURCE.md'))).toBe(true);
  });

  it.each(DIALECTS)(
    'gives a verdict for every check whose facts the capture holds (%s)',
    async (_, dialect) => {
      const { host, calls } = replayHost(capture, dialect);
      const { checks, probeOf } = await sweep(host);
      expect(calls).toContain('facts');
      const contradicted: string[] = [];
      for (const check of checks.filter((c) => c.status === 'unknown')) {
        const probe = probeOf.get(check.id) ?? '?';
        const sections = SECTIONS_OF[probe];
        if (sections === undefined) continue;
        const failed = sections.flatMap((s) => {
          const r = facts.get(s);
          return r !== undefined && r.status !== 'ok' ? [r.reason] : [];
        });
        const missing = sections.filter((s) => !facts.has(s));
        const agrees = DATA_SAYS_UNKNOWN[probe];
        const data = sections
          .map((s) => facts.get(s))
          .map((r) => (r?.status === 'ok' ? r.data : undefined));
        if (agrees !== undefined && data.some((d) => agrees(d))) continue;
        for (const why of failed) {
          if (!(check.reason ?? '').includes(why))
            contradicted.push(
              `${check.id}: reason "${check.reason ?? ''}" does not say the capture's "${why}"`,
            );
        }
        if (failed.length === 0 && missing.length === 0) {
          contradicted.push(
            `${check.id} (${probe}): unknown "${check.reason ?? ''}" but the capture answered ${sections.join(', ')}`,
          );
        }
      }
      expect(contradicted).toEqual([]);
    },
  );

  it.each(DIALECTS)(
    'reads the network and the printers through the service (%s)',
    async (_, dialect) => {
      const { host, calls } = replayHost(capture, dialect);
      const service = await replayService(host);
      const network = await service.invoke('network:config', {});
      expect(network.ok && network.value.interfaces.length > 0).toBe(true);
      // Without network queries: a capture's (redacted) printer addresses are never contacted.
      const printers = await service.invoke('printers:list', { direct: false });
      expect(printers.ok && printers.value.length > 0).toBe(true);
      expect(calls).toEqual(expect.arrayContaining(['network-config', 'printers']));
    },
  );

  it('holds nothing a redaction would still find (every MAC, IP, UUID and user folder is a stand-in)', () => {
    const text = capture.scripts
      .flatMap((s) => [
        s.stderr,
        ...s.stdout
          .split(/\r?\n/)
          .map((l) => (/^[[{]/.test(l.trim()) ? JSON.stringify(JSON.parse(l)) : l)),
      ])
      .join('\n');
    const left = [
      ...[...text.matchAll(/\b[0-9A-Fa-f]{2}([-:])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}\b/g)]
        .map((m) => m[0])
        .filter(
          (m) =>
            !/^02[-:]00[-:]00/.test(m) &&
            (parseInt(m.slice(0, 2), 16) & 1) === 0 &&
            !/^0{2}([-:]0{2}){5}$/.test(m),
        ),
      ...[...text.matchAll(/(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/g)]
        .map((m) => m[0])
        .filter(
          (ip) => /^(10|172\.(1[6-9]|2\d|3[01])|192\.168)\./.test(ip) && !/^10\.0\./.test(ip),
        ),
      ...[...text.matchAll(/[A-Za-z]:\\\\Users\\\\([^\\"]+)/g)]
        .map((m) => m[1] ?? '')
        .filter((u) => !/^(user-\d+|Public|Default)$/.test(u)),
    ];
    expect(left).toEqual([]);
    expect(capture.redactions.length).toBeGreaterThan(0);
  });

  it('gives the network, neighbour and printer parsers a whole answer after redaction', () => {
    const stdout = (id: string): unknown => {
      const parsed = parsePowerShellJson(capture.scripts.find((s) => s.id === id)?.stdout ?? '');
      return parsed.status === 'ok' ? parsed.data : undefined;
    };
    const network = parseWin32Network(stdout('network-config'));
    expect(network.interfaces.length).toBeGreaterThan(0);
    for (const i of network.interfaces.filter((x) => x.mac !== undefined)) {
      expect(i.mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    }
    // A gateway stays in the subnet of one of its interface's addresses (stand-ins keep the /24).
    const bits = (ip: string): number =>
      ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
    const same = (a: string, b: string, prefix: number): boolean =>
      Math.floor(bits(a) / 2 ** (32 - prefix)) === Math.floor(bits(b) / 2 ** (32 - prefix));
    for (const i of network.interfaces.filter(
      (x) => x.gateway !== undefined && x.ipv4.length > 0,
    )) {
      expect(
        i.ipv4.some((a) => same(a.address, i.gateway ?? '', a.prefix)),
        i.name,
      ).toBe(true);
    }
    expect(Array.isArray(parseWin32Neighbours(stdout('neighbours')))).toBe(true);
    expect(parseWindowsPrinters(stdout('printers')).printers.length).toBeGreaterThan(0);
  });

  it('answers every read script of the catalogue from the recording (no gap in the capture)', () => {
    expect(capture.scripts.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        'host-info',
        'facts',
        'network-config',
        'wifi',
        'neighbours',
        'printers',
      ]),
    );
  });
});

describe('the recording runner', () => {
  const name = names[0];
  const capture = loadCapture(join(CAPTURES, name ?? '', 'capture.json'));

  it('replays a facts batch that timed out: what it printed counts, the rest is unknown', async () => {
    const facts = capture.scripts.find((s) => s.id === 'facts');
    const lines = (facts?.stdout ?? '').split(/(?<=\n)/);
    // Cut after the `cpu` section's value line: os and cpu arrived, nothing after.
    const cut = lines.findIndex((l) => l.startsWith('{"section":"cpu","value"'));
    expect(cut).toBeGreaterThan(0);
    const partial = {
      ...capture,
      scripts: capture.scripts.map((s) =>
        s.id === 'facts'
          ? {
              ...s,
              stdout: lines.slice(0, cut + 1).join(''),
              exitCode: null,
              timedOut: true as const,
            }
          : s,
      ),
    };
    const { host } = replayHost(partial);
    const { checks } = await sweep(host);
    const status = (id: string): string | undefined => checks.find((c) => c.id === id)?.status;
    expect(status('hardware.cpu')).not.toBe('unknown');
    expect(status('os.version')).not.toBe('unknown');
    expect(status('software.fonts')).toBe('unknown');
    expect(checks.find((c) => c.id === 'software.fonts')?.reason).toMatch(
      /CommandTimeoutError|timeout/i,
    );
  });

  it('refuses a script it has no recording for', async () => {
    const { runner } = recordingPowerShell(capture);
    await expect(runner('Get-Process', { timeoutMs: 1000 })).rejects.toBeInstanceOf(
      CommandNotFoundError,
    );
  });

  it('answers a parameterised script (another printer) with the recording of its id', async () => {
    const { windowsJobsScript } = await import('../../../diagnostics/printers/windows-printers.js');
    const { powershellCommandText } = await import('../../../diagnostics/windows/powershell.js');
    const { runner, calls } = recordingPowerShell(capture);
    const output = await runner(
      powershellCommandText(windowsJobsScript("Canon LBP2900 (Phòng Tư pháp's)")),
      { timeoutMs: 1000 },
    );
    expect(calls).toEqual(['print-jobs']);
    expect(output.stdout).toBe(capture.scripts.find((s) => s.id === 'print-jobs')?.stdout);
  });

  it('answers a facts batch re-run on fewer sections with only those lines', async () => {
    const { factsScript } = await import('../../../diagnostics/windows/facts-script.js');
    const { powershellCommandText } = await import('../../../diagnostics/windows/powershell.js');
    const { runner } = recordingPowerShell(capture);
    const output = await runner(powershellCommandText(factsScript(['usb', 'certs'])), {
      timeoutMs: 1000,
    });
    expect([...parseFactsOutput(output.stdout).keys()].sort()).toEqual(['certs', 'usb']);
  });
});
