/** Fact types shared by the signature probes' dispatchers and their per-OS readers. */
import type { Arch } from './binary-arch.js';

/** One module file found. */
export type FoundModule = Readonly<{ provider: string; file: string; path: string; arch?: Arch }>;

/** State of a Windows service as numbers (ServiceControllerStatus / ServiceStartMode). */
export type ServiceState = Readonly<{ name: string; status?: number; startType?: number }>;

/** Linux `pcscd`: running (its socket exists), else whether the daemon is installed. */
export type PcscdState = Readonly<{ running: true } | { running: false; installed: boolean }>;

/** One USB device. */
export type UsbDevice = Readonly<{ vid: string; pid: string; name: string }>;

/** Parsed `certs` section. */
export type StoreCerts = Readonly<{
  my: { der: Buffer; hasPrivateKey: boolean }[];
  ca: Buffer[];
  rootSha256: Set<string>;
}>;
