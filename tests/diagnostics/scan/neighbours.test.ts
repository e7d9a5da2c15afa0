/**
 * Neighbour-table parsers: the Windows `Get-NetNeighbor` script run in pwsh against the fake machines and Linux
 * `ip -j neigh` output; OUI vendor lookup; device type guess.
 */
import { describe, expect, it } from 'vitest';

import { guessDeviceType } from '../../../diagnostics/scan/device-type.js';
import { localRanges, onLinkRanges, parseCidr } from '../../../diagnostics/scan/cidr.js';
import {
  parseLinuxAsked,
  parseLinuxNeighbours,
} from '../../../diagnostics/scan/neighbours-linux.js';
import {
  parseWin32Neighbours,
  win32NeighboursScript,
} from '../../../diagnostics/scan/neighbours-win32.js';
import { vendorOf } from '../../../diagnostics/scan/oui.js';
import { runPowerShellJson } from '../../../diagnostics/windows/powershell.js';
import { fakeWindowsContext, RUN_WINDOWS_TESTS } from '../../helpers/fake-windows.js';
import { loadMachineExpectations } from '../../helpers/fixtures.js';

describe('neighbour tables', () => {
  const cases = loadMachineExpectations('neighbours');
  it.runIf(RUN_WINDOWS_TESTS).each(cases)(
    'win32 $machine (Get-NetNeighbor script in pwsh)',
    async ({ machine, expected }) => {
      const result = await runPowerShellJson(
        fakeWindowsContext({ machine }),
        win32NeighboursScript,
        { timeoutMs: 60_000 },
      );
      expect(result.status).toBe('ok');
      // Unreachable, broadcast, multicast and IPv6 entries dropped; MACs normalised.
      expect(parseWin32Neighbours(result.status === 'ok' ? result.data : undefined)).toEqual(
        expected,
      );
    },
  );

  it('linux: keeps entries with a MAC, drops FAILED/INCOMPLETE', () => {
    const text = JSON.stringify([
      { dst: '10.0.0.1', dev: 'eth0', lladdr: '50:C7:BF:01:02:03', state: ['REACHABLE'] },
      { dst: '10.0.0.9', dev: 'eth0', state: ['FAILED'] },
      { dst: '10.0.0.7', dev: 'eth0', lladdr: '3c:2a:f4:00:00:01', state: ['STALE'] },
    ]);
    expect(parseLinuxNeighbours(text)).toEqual([
      { ip: '10.0.0.1', mac: '50:c7:bf:01:02:03', device: 'eth0' },
      { ip: '10.0.0.7', mac: '3c:2a:f4:00:00:01', device: 'eth0' },
    ]);
  });

  it('linux: every address the kernel asked ARP about, resolved or not', () => {
    const text = JSON.stringify([
      { dst: '10.0.0.1', dev: 'eth0', lladdr: '50:c7:bf:01:02:03', state: ['REACHABLE'] },
      { dst: '10.0.0.9', dev: 'eth0', state: ['FAILED'] },
      { dst: '10.0.0.10', dev: 'eth0', state: ['INCOMPLETE'] },
    ]);
    expect(parseLinuxAsked(text)).toEqual(['10.0.0.1', '10.0.0.9', '10.0.0.10']);
  });
});

describe('vendors and types', () => {
  it('finds vendors from the IEEE OUI table', () => {
    expect(vendorOf('3C-2A-F4-AA-BB-CC')).toEqual({ name: 'Brother', kind: 'printer' });
    expect(vendorOf('50:c7:bf:01:02:03')).toEqual({ name: 'TP-Link', kind: 'router' });
    expect(vendorOf('02:00:00:00:00:01')).toBeUndefined();
  });

  it('guesses types: ports first, then vendor', () => {
    expect(guessDeviceType([9100], { name: 'HP', kind: 'pc-or-printer' }, false)).toBe('printer');
    expect(guessDeviceType([445, 3389], { name: 'HP', kind: 'pc-or-printer' }, false)).toBe('pc');
    expect(guessDeviceType([80], { name: 'Hikvision', kind: 'camera' }, false)).toBe('camera');
    expect(guessDeviceType([80, 443], undefined, true)).toBe('router');
    expect(guessDeviceType([], undefined, false)).toBe('unknown');
  });
});

describe('ranges', () => {
  it('parses CIDRs and refuses garbage', () => {
    expect(parseCidr('192.168.1.77/24')).toMatchObject({
      cidr: '192.168.1.0/24',
      first: 3232235777,
      size: 254,
    });
    expect(parseCidr('10.0.0.0/22')?.size).toBe(1022);
    expect(parseCidr('300.1.1.1/24')).toBeUndefined();
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr('abc')).toBeUndefined();
  });

  it('takes only own non-loopback IPv4 ranges, a /24 around the address of a larger network', () => {
    const ranges = localRanges({
      lo: [{ family: 'IPv4', address: '127.0.0.1', cidr: '127.0.0.1/8', internal: true }],
      eth0: [
        { family: 'IPv4', address: '172.16.5.9', cidr: '172.16.5.9/16', internal: false },
        { family: 'IPv6', address: 'fe80::1', cidr: 'fe80::1/64', internal: false },
      ],
      wlan0: [{ family: 'IPv4', address: '169.254.1.1', cidr: '169.254.1.1/16', internal: false }],
    });
    expect(ranges.map((r) => r.cidr)).toEqual(['172.16.5.0/24']);
  });

  it('keeps a /22 or smaller network whole, and says on-link what the prefix says', () => {
    const interfaces = {
      eth0: [{ family: 'IPv4', address: '10.8.1.20', cidr: '10.8.1.20/23', internal: false }],
      eth1: [{ family: 'IPv4', address: '172.16.5.9', cidr: '172.16.5.9/16', internal: false }],
    };
    expect(localRanges(interfaces).map((r) => r.cidr)).toEqual(['10.8.0.0/23', '172.16.5.0/24']);
    expect(onLinkRanges(interfaces).map((r) => r.cidr)).toEqual(['10.8.0.0/23', '172.16.0.0/16']);
  });
});
