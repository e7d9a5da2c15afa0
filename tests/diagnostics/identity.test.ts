import { describe, expect, it } from 'vitest';

import { machineIdentity } from '../../diagnostics/identity.js';
import { fingerprintOf, meaningful } from '../../diagnostics/identity-fingerprint.js';
import { fakeWindowsContext, RUN_WINDOWS_TESTS } from '../helpers/fake-windows.js';

describe('machine fingerprint', () => {
  it.each([
    'To be filled by O.E.M.',
    'Default string',
    '00000000-0000-0000-0000-000000000000',
    'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
    '  ',
    'System Serial Number',
  ])('ignores the placeholder %j', (junk) => {
    expect(meaningful(junk)).toBeUndefined();
  });

  it('uses firmware ids when present, MACs otherwise', () => {
    expect(fingerprintOf({ systemUuid: 'ABC-1', macs: ['aa:bb:cc:dd:ee:ff'] })?.sources).toEqual([
      'systemUuid',
    ]);
    expect(
      fingerprintOf({
        systemUuid: 'Default string',
        macs: ['AA-BB-CC-DD-EE-FF', '00:00:00:00:00:00'],
      })?.sources,
    ).toEqual(['macs']);
    expect(fingerprintOf({})).toBeUndefined();
  });

  it('is stable across a reinstall (same hardware, new hostname and MAC order) and case', () => {
    const a = fingerprintOf({ systemUuid: '4c4c4544-0042', boardSerial: 'X1', macs: ['a'] });
    const b = fingerprintOf({ systemUuid: '4C4C4544-0042', boardSerial: 'X1', macs: ['b'] });
    expect(a?.fingerprint).toBe(b?.fingerprint);
    expect(a?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintOf({ macs: ['11:22:33:44:55:66', 'aa:bb:cc:dd:ee:ff'] })?.fingerprint).toBe(
      fingerprintOf({ macs: ['AA-BB-CC-DD-EE-FF', '11-22-33-44-55-66'] })?.fingerprint,
    );
  });

  it.runIf(RUN_WINDOWS_TESTS)(
    'reads Windows facts from the batch (pwsh, fake vi-VN PC) and passes the asset tag through',
    async () => {
      const id = await machineIdentity(fakeWindowsContext({ machine: 'vi-VN-commune-pc' }), {
        assetTag: ' UBND-PC-03 ',
      });
      expect(id).toMatchObject({
        hostname: 'UBND-KETOAN',
        assetTag: 'UBND-PC-03',
        manufacturer: 'Dell Inc.',
        model: 'OptiPlex 3080',
        serial: '5B2QJ33',
        fingerprintSources: ['systemUuid', 'boardSerial', 'systemSerial'],
      });
      expect(id.fingerprint).toBe(
        fingerprintOf({
          systemUuid: '4C4C4544-0042-3510-8052-B4C04F4A3332',
          boardSerial: '/5B2QJ33/CNWS20008R00F1/',
          systemSerial: '5B2QJ33',
        })?.fingerprint,
      );
    },
  );

  it.runIf(RUN_WINDOWS_TESTS)(
    'tells the two fake machines apart (pwsh, en-US laptop)',
    async () => {
      const laptop = await machineIdentity(fakeWindowsContext({ machine: 'en-US-laptop' }));
      const pc = await machineIdentity(fakeWindowsContext({ machine: 'vi-VN-commune-pc' }));
      expect(laptop).toMatchObject({
        hostname: 'HPFIREFLY16P',
        manufacturer: 'HP',
        model: 'HP ZBook Firefly 16 inch G10 Mobile Workstation PC',
        serial: '5CG3281NM4',
      });
      expect(laptop.fingerprint).not.toBe(pc.fingerprint);
    },
  );
});
