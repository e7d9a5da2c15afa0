import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { binaryArch, peMachineArch } from '../../../diagnostics/signature/binary-arch.js';
import { parseCertObjects, parseSlots } from '../../../diagnostics/signature/pkcs11-tool.js';
import { evaluateModules } from '../../../diagnostics/signature/pkcs11-modules.js';
import {
  pinWarning,
  PROVIDERS,
  windowsModuleNames,
} from '../../../diagnostics/signature/providers.js';
import { acceptFor, wsHandshake } from '../../../diagnostics/signature/ws-handshake.js';

function pe(machine: number): Buffer {
  const buf = Buffer.alloc(512);
  buf.write('MZ', 0, 'latin1');
  buf.writeUInt32LE(0x80, 60);
  buf.write('PE\0\0', 0x80, 'latin1');
  buf.writeUInt16LE(machine, 0x84);
  return buf;
}

describe('module bitness', () => {
  it.each([
    [0x8664, 'x64'],
    [0x14c, 'x86'],
    [0xaa64, 'arm64'],
  ] as const)('PE machine %i → %s', (machine, arch) => {
    expect(binaryArch(pe(machine))).toBe(arch);
    expect(peMachineArch(machine)).toBe(arch);
  });
  it('rejects garbage', () => {
    expect(binaryArch(Buffer.from('not a binary at all'))).toBeUndefined();
    expect(binaryArch(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('pkcs11-tool output', () => {
  it('parses slots and certificate objects (OpenSC English output)', () => {
    const slots =
      'Available slots:\nSlot 0 (0x1d7fce77): SoftHSM slot ID 0x1d7fce77\n  token label        : VNPT-CA Test\n  token manufacturer : SoftHSM project\n  token model        : SoftHSM v2\n  serial num         : 90f9b6f11d7fce77\nSlot 1 (0x2): SoftHSM slot ID 0x2\n  token state:   uninitialized\n';
    expect(parseSlots(slots)).toEqual([
      {
        slot: '0',
        label: 'VNPT-CA Test',
        manufacturer: 'SoftHSM project',
        model: 'SoftHSM v2',
        serial: '90f9b6f11d7fce77',
      },
    ]);
    const objects =
      'Certificate Object; type = X.509 cert\n  label:      valid\n  subject:    DN: CN=A\n  ID:         01\nCertificate Object; type = X.509 cert\n  label:      root-ca\n  ID:         ca\n';
    expect(parseCertObjects(objects)).toEqual([
      { id: '01', label: 'valid' },
      { id: 'ca', label: 'root-ca' },
    ]);
  });
});

describe('PIN warnings', () => {
  it('never quote a reseller\'s count: "có thể chỉ còn 3 lần thử", and never ask for the PIN', () => {
    // No CA's own page gives a count yet (DOMAIN.md §1.6.4: resellers' blogs and a provincial guide).
    expect(PROVIDERS.filter((p) => p.pinTries !== undefined)).toEqual([]);
    for (const provider of [undefined, ...PROVIDERS]) {
      const text = pinWarning(provider);
      expect(text.vi).toMatch(/tắt gõ tiếng Việt.*Caps Lock/);
      expect(text.vi).toContain('có thể chỉ còn 3 lần thử');
      expect(text.vi).not.toMatch(/\b[58] lần/);
      expect(text.en).toContain('only 3 tries');
    }
  });
});

describe('provider labels (DOMAIN.md §2.2)', () => {
  const owner = (file: string): string | undefined =>
    windowsModuleNames().find((m) => m.file.toLowerCase() === file.toLowerCase())?.provider;
  it('gclib.dll is VNPT, newca_v4.dll is NewCA, SafeNet and OpenSC are generic, never a CA', () => {
    expect(owner('gclib.dll')).toBe('vnpt');
    expect(owner('newca_v4.dll')).toBe('newca');
    expect(PROVIDERS.find((p) => p.id === 'newca')?.name).toBe('NewCA');
    expect(PROVIDERS.some((p) => /newtel/i.test(p.name))).toBe(false);
    for (const file of ['eTPKCS11.dll', 'eToken.dll', 'opensc-pkcs11.dll', 'eps2003csp11.dll'])
      expect(PROVIDERS.find((p) => p.id === owner(file))?.kind).toBe('generic');
  });
  it('no module file belongs to two providers', () => {
    const files = windowsModuleNames().map((m) => m.file.toLowerCase());
    expect(new Set(files).size).toBe(files.length);
  });
  it('a PC with only generic drivers gets one "generic" check, listed after the CAs\' checks', () => {
    const found = [
      {
        provider: 'safenet',
        file: 'eTPKCS11.dll',
        path: 'C:\\Windows\\System32\\eTPKCS11.dll',
        arch: 'x64' as const,
      },
      {
        provider: 'opensc',
        file: 'opensc-pkcs11.dll',
        path: 'C:\\Windows\\System32\\opensc-pkcs11.dll',
        arch: 'x64' as const,
      },
      {
        provider: 'vnpt',
        file: 'gclib.dll',
        path: 'C:\\Windows\\System32\\gclib.dll',
        arch: 'x64' as const,
      },
    ];
    const checks = evaluateModules(found);
    expect(checks.map((c) => c.id)).toEqual([
      'signature.pkcs11-modules.vnpt',
      'signature.pkcs11-modules.generic',
    ]);
    expect(checks[1]?.title.vi).toMatch(/SafeNet Authentication Client, OpenSC/);
    expect(checks[1]?.values?.['kind']).toBe('generic');
    expect(evaluateModules(found.slice(0, 2)).map((c) => c.id)).toEqual([
      'signature.pkcs11-modules.generic',
    ]);
  });
});

describe('WebSocket handshake against non-WebSocket listeners', () => {
  let garbage: Server;
  let silent: Server;
  beforeAll(async () => {
    garbage = createServer((socket) => socket.end('SSH-2.0-OpenSSH_9.2\r\n\r\n'));
    silent = createServer(() => undefined);
    await Promise.all(
      [garbage, silent].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))),
    );
  });
  afterAll(() => {
    garbage.close();
    silent.close();
  });

  it('computes the RFC 6455 accept value', () => {
    expect(acceptFor('dGhlIHNhbXBsZSBub25jZQ==')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });
  it('a port speaking another protocol is refused', async () => {
    const port = (garbage.address() as AddressInfo).port;
    expect(await wsHandshake(`ws://127.0.0.1:${port}/`)).toMatchObject({
      outcome: 'refused',
      reason: 'the port answered, but not with HTTP',
    });
  });
  it('a port that never answers is refused after the timeout', async () => {
    const port = (silent.address() as AddressInfo).port;
    expect(await wsHandshake(`ws://127.0.0.1:${port}/`, { timeoutMs: 200 })).toMatchObject({
      outcome: 'refused',
    });
  });
});
