/**
 * "The whole service can be run as Windows": a service whose host is a Windows office PC made of
 * recordings (the facts batch's JSON lines), a fake `os` and an empty in-memory file system.
 * `diagnostics:run` must build its checks from those recordings alone and never touch this
 * machine: no command, no file read, no systeminformation, this machine's hostname nowhere.
 *
 * The recorded values follow the shapes `ConvertTo-Json` gives in Windows PowerShell 5.1 for the
 * sections of `diagnostics/windows/facts-script.ts` (see tests/fixtures/<probe>/win32/SOURCE.md);
 * each section answers `{"section":…,"start":true}` then `{"section":…,"value":…}`.
 */
import { createSocket, type Socket } from 'node:dgram';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CommandNotFoundError } from '../../../diagnostics/errors.js';
import type {
  CommandOutput,
  HostContext,
  HostFs,
  PowerShellRunner,
  RunCommand,
} from '../../../diagnostics/types.js';
import type { FactSection } from '../../../diagnostics/windows/facts-script.js';
import { defaultEnv } from '../../../main/service/env.js';
import { createService, type Service } from '../../../main/service/index.js';
import { fakeFs, fakeOs } from '../../fakes/fake-host.js';
import { startSntpServer } from '../../helpers/sntp-server.js';

/** The fake PC's clock: Monday 23 November 2026, 15:00 in Hà Nội. */
const NOW = Date.parse('2026-11-23T08:00:00Z');
const DAY = 86_400_000;
const psDate = (ms: number): string => `/Date(${ms})/`;

/** What a Dell office desktop with Windows 10 22H2 answers, section by section. */
const RECORDED: Partial<Record<FactSection, unknown>> = {
  os: {
    Caption: 'Microsoft Windows 10 Pro',
    Version: '10.0.19045',
    BuildNumber: '19045',
    OSArchitecture: '64-bit',
    LastBootUpTime: psDate(NOW - 2 * DAY),
    TotalVisibleMemorySize: 8_272_924,
    FreePhysicalMemory: 2_143_204,
    DisplayVersion: '22H2',
    UBR: 6456,
    EditionID: 'Professional',
  },
  cpu: {
    Name: 'Intel(R) Core(TM) i5-4570 CPU @ 3.20GHz',
    NumberOfCores: 4,
    NumberOfLogicalProcessors: 4,
    LoadPercentage: 12,
  },
  // No `Name`: the identity falls back to the host's os.hostname(), which must be the fake one.
  system: {
    UUID: '4C4C4544-0042-3510-8052-B7C04F4E3732',
    Vendor: 'Dell Inc.',
    Model: 'OptiPlex 3020',
    Manufacturer: 'Dell Inc.',
    PCSystemType: 1,
    BoardSerial: '/7B5RNC2/CN1296344G00K6/',
    BiosSerial: '7B5RNC2',
  },
  nics: {
    Name: 'Ethernet',
    InterfaceDescription: 'Realtek PCIe GbE Family Controller',
    MacAddress: 'F8-BC-12-3A-4B-5C',
    Status: 'Up',
  },
  volumes: {
    DeviceID: 'C:',
    Size: 255_953_203_200,
    FreeSpace: 80_530_636_800,
    FileSystem: 'NTFS',
    VolumeName: '',
  },
  physicalDisks: {
    FriendlyName: 'KINGSTON SA400S37240G',
    Size: 240_057_409_536,
    MediaType: 4,
    BusType: 11,
    HealthStatus: 0,
  },
  battery: [],
  temps: [],
  reboot: { CbsRebootPending: false, WuRebootRequired: false, PendingFileRename: false },
  timezone: { Id: 'SE Asia Standard Time', BaseUtcOffsetMinutes: 420, UtcOffsetNowMinutes: 420 },
  uninstall: [
    {
      DisplayName: 'Google Chrome',
      DisplayVersion: '142.0.7444.176',
      Publisher: 'Google LLC',
      InstallDate: '20251020',
      Hive: 'HKLM:',
    },
    {
      DisplayName: 'Microsoft Office Professional Plus 2016',
      DisplayVersion: '16.0.4266.1001',
      Publisher: 'Microsoft Corporation',
      InstallDate: '20240115',
      Hive: 'HKLM:32',
    },
  ],
  fonts: [
    'Arial (TrueType)',
    'Times New Roman (TrueType)',
    'Times New Roman Bold (TrueType)',
    'Segoe UI (TrueType)',
  ],
  processes: [],
  security: {
    Antivirus: [
      {
        displayName: 'Windows Defender',
        productState: 397_568,
        timestamp: 'Sun, 22 Nov 2026 01:02:03 GMT',
      },
    ],
    Firewall: [
      { Name: 'Domain', Enabled: 1 },
      { Name: 'Private', Enabled: 1 },
      { Name: 'Public', Enabled: 0 },
    ],
  },
  hotfix: [{ HotFixID: 'KB5068781', InstalledOn: psDate(NOW - 10 * DAY) }],
  services: [
    { Name: 'SCardSvr', Status: 4, StartType: 2 },
    { Name: 'W32Time', Status: 4, StartType: 3 },
  ],
  usb: [],
  certs: { My: [], CA: [], Root: [] },
  modules: [],
};

const output = (stdout: string, exitCode = 0, stderr = ''): CommandOutput => ({
  stdout,
  stderr,
  exitCode,
  truncated: false,
});

/** A PowerShell that answers the facts batch from {@link RECORDED} and nothing else. */
function recordedPowerShell(scripts: string[]): PowerShellRunner {
  return async (script) => {
    scripts.push(script);
    const asked = [...script.matchAll(/xasoSection '(\w+)'/g)].map((m) => m[1] as FactSection);
    if (asked.length === 0) return output('', 1, 'no recording for this script');
    const lines = asked.flatMap((section) =>
      section in RECORDED
        ? [
            JSON.stringify({ section, start: true }),
            JSON.stringify({ section, value: RECORDED[section] }),
          ]
        : [],
    );
    return output(`${lines.join('\r\n')}\r\n`);
  };
}

/** Counts every call of an fs, so the test can say none happened. */
function countingFs(inner: HostFs, calls: string[]): HostFs {
  const wrap =
    <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      calls.push(`${name} ${String(args[0])}`);
      return fn(...args);
    };
  return {
    readText: wrap('readText', inner.readText),
    readBytes: wrap('readBytes', inner.readBytes),
    readHead: wrap('readHead', inner.readHead),
    readdir: wrap('readdir', inner.readdir),
    access: wrap('access', inner.access),
    stat: wrap('stat', inner.stat),
    mkdtemp: wrap('mkdtemp', inner.mkdtemp),
    rm: wrap('rm', inner.rm),
  };
}

describe('the service run as Windows (recorded host)', () => {
  const commands: string[] = [];
  const scripts: string[] = [];
  const fsCalls: string[] = [];
  let dataDir: string;
  let sntp: { server: string; socket: Socket };
  let service: Service;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'xaso-as-windows-'));
    sntp = await startSntpServer(() => NOW);
    const run: RunCommand = async (file, args) => {
      commands.push([file, ...args].join(' '));
      throw new CommandNotFoundError(`${file}: not part of the recording`);
    };
    const host: HostContext = {
      platform: 'win32',
      run,
      powershell: recordedPowerShell(scripts),
      now: () => NOW,
      env: {
        SystemRoot: 'C:\\Windows',
        ProgramFiles: 'C:\\Program Files',
        COMPUTERNAME: 'UBND-MOTCUA-07',
      },
      os: fakeOs({
        hostname: () => 'UBND-MOTCUA-07',
        type: () => 'Windows_NT',
        release: () => '10.0.19045',
        arch: () => 'x64',
      }),
      fs: countingFs(fakeFs(), fsCalls),
    };
    // The signing service is pointed at a loopback port nobody listens on: "not running".
    const closed = createSocket('udp4');
    await new Promise<void>((resolve) => closed.bind(0, '127.0.0.1', resolve));
    const closedPort = closed.address().port;
    closed.close();
    service = createService(
      defaultEnv({
        door: 'test',
        version: '0.0.0-test',
        dataDir,
        host,
        diagnostics: {
          settings: {
            ntpServer: sntp.server,
            signingServices: [{ provider: 'vgca', url: `wss://127.0.0.1:${closedPort}/` }],
          },
        },
      }),
    );
  });

  afterAll(async () => {
    sntp.socket.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('says it runs on Windows', async () => {
    const info = await service.invoke('app:info', {});
    expect(info).toMatchObject({ ok: true, value: { platform: 'win32', arch: 'x64' } });
  });

  it('diagnoses the recorded PC and never touches this machine', async () => {
    const result = await service.invoke('diagnostics:run', {
      assetTag: 'UBND-PC-07',
      only: ['hardware', 'os', 'software', 'signature'],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const snapshot = result.value;
    const byId = new Map(snapshot.checks.map((c) => [c.id, c]));

    expect(snapshot).toMatchObject({
      platform: 'win32',
      takenAt: new Date(NOW).toISOString(),
      machine: {
        hostname: 'UBND-MOTCUA-07',
        assetTag: 'UBND-PC-07',
        manufacturer: 'Dell Inc.',
        model: 'OptiPlex 3020',
        serial: '7B5RNC2',
      },
    });
    expect(snapshot.machine.fingerprintSources).toContain('systemUuid');
    expect(snapshot.osName).toMatch(/^Windows 10 Pro 22H2 \(19045/);

    // Each verdict is the recording's, not this machine's.
    expect(byId.get('hardware.cpu')?.values).toMatchObject({
      model: 'Intel(R) Core(TM) i5-4570 CPU @ 3.20GHz',
      logicalCpus: 4,
      loadPercent: 12,
    });
    expect(byId.get('hardware.memory')?.values).toMatchObject({
      totalBytes: 8_272_924 * 1024,
      availableBytes: 2_143_204 * 1024,
    });
    expect(byId.get('hardware.filesystems.C:')).toMatchObject({
      status: 'ok',
      values: { freeBytes: 80_530_636_800, fs: 'NTFS' },
    });
    expect(byId.get('hardware.disk-health.0')).toMatchObject({
      status: 'ok',
      values: { name: 'KINGSTON SA400S37240G', kind: 'SSD' },
    });
    expect(byId.get('hardware.battery')).toMatchObject({
      status: 'ok',
      values: { present: false },
    });
    expect(byId.get('os.uptime')).toMatchObject({
      status: 'ok',
      values: { uptimeSeconds: 2 * 86_400, pendingReboot: false },
    });
    expect(byId.get('os.timezone')?.status).toBe('ok');
    expect(byId.get('os.clock')?.status).toBe('ok');
    expect(byId.get('software.firewall')?.status).toBe('fail');
    expect(byId.get('software.updates')?.status).toBe('ok');
    expect(byId.get('signature.smartcard-service')?.status).toBe('ok');

    // Nothing of this machine was asked: no command, no file, only the recorded facts batch.
    expect(commands).toEqual([]);
    expect(fsCalls).toEqual([]);
    // ONE PowerShell for the whole diagnosis: the sweep and the machine identity share the batch.
    expect(scripts.length).toBe(1);
    for (const script of scripts) expect(script).toContain("xasoSection 'os'");
    expect(JSON.stringify(snapshot)).not.toContain(hostname());
  });

  it('asks PowerShell again for the next sweep (no facts kept from the previous one)', async () => {
    const before = scripts.length;
    const result = await service.invoke('diagnostics:run', { only: ['hardware.cpu'] });
    expect(result.ok).toBe(true);
    expect(scripts.length).toBe(before + 1);
  });
});
