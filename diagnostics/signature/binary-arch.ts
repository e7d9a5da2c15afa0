/**
 * Bitness of a module file from its header: PE (Windows DLL, COFF machine type) or ELF.
 * A 64-bit process cannot load a 32-bit PKCS#11 module (DOMAIN.md §1.6.9).
 */

/** 'x64', 'x86', 'arm64', or undefined when unknown. */
export type Arch = 'x64' | 'x86' | 'arm64' | 'arm';

/** Maps a PE machine type (IMAGE_FILE_MACHINE_*) to an architecture. */
export function peMachineArch(machine: number | undefined): Arch | undefined {
  switch (machine) {
    case 0x8664:
      return 'x64';
    case 0x14c:
      return 'x86';
    case 0xaa64:
      return 'arm64';
    case 0x1c4:
      return 'arm';
    default:
      return undefined;
  }
}

/** Reads the architecture from the first bytes (≥ 512) of a PE or ELF file. */
export function binaryArch(head: Buffer): Arch | undefined {
  if (head.length >= 20 && head.readUInt32BE(0) === 0x7f454c46) {
    const machine = head.readUInt16LE(18);
    return machine === 0x3e
      ? 'x64'
      : machine === 0x03
        ? 'x86'
        : machine === 0xb7
          ? 'arm64'
          : machine === 0x28
            ? 'arm'
            : undefined;
  }
  if (head.length >= 64 && head.toString('latin1', 0, 2) === 'MZ') {
    const pe = head.readUInt32LE(60);
    if (pe + 6 <= head.length && head.toString('latin1', pe, pe + 4) === 'PE\0\0')
      return peMachineArch(head.readUInt16LE(pe + 4));
  }
  return undefined;
}
