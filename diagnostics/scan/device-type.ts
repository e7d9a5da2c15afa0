/**
 * Guesses what a device is from its open ports and its vendor. Ports win over the vendor: an HP
 * with 9100 open is a printer, an HP with 3389/445 is a PC.
 */
import type { Vendor } from './oui.js';
import type { DeviceType, ScanPort } from './types.js';

const PRINTER_PORTS: readonly ScanPort[] = [9100, 631, 515];
const PC_PORTS: readonly ScanPort[] = [3389, 445, 139];

/** The device type guess for one host. */
export function guessDeviceType(
  openPorts: readonly ScanPort[],
  vendor: Vendor | undefined,
  isGateway: boolean,
): DeviceType {
  if (isGateway) return 'router';
  if (openPorts.some((port) => PRINTER_PORTS.includes(port))) return 'printer';
  if (vendor?.kind === 'camera') return 'camera';
  if (openPorts.some((port) => PC_PORTS.includes(port))) return 'pc';
  switch (vendor?.kind) {
    case 'printer':
      return 'printer';
    case 'router':
      return 'router';
    case 'pc':
      return 'pc';
    default:
      return 'unknown';
  }
}
