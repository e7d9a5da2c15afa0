/**
 * The hosts file (`/etc/hosts`, `%SystemRoot%\System32\drivers\etc\hosts`): names it pins to an
 * address are what browsers use before asking DNS, so the diagnosis reads it too.
 */
import { assertNever } from '../assert-never.js';
import type { Platform } from '../types.js';

/** Where the hosts file is on `platform` (`systemRoot`: Windows' `%SystemRoot%`). */
export function hostsFilePath(platform: Platform, systemRoot?: string): string {
  switch (platform) {
    case 'win32':
      return `${systemRoot ?? 'C:\\Windows'}\\System32\\drivers\\etc\\hosts`;
    case 'linux':
    case 'darwin':
      return '/etc/hosts';
    default:
      return assertNever(platform);
  }
}

/** The IPv4 addresses the hosts file `text` gives `host` (case-insensitive), in file order. */
export function hostsEntries(text: string, host: string): string[] {
  const wanted = host.toLowerCase();
  const found: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const [address, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (address === undefined || !/^\d+\.\d+\.\d+\.\d+$/.test(address)) continue;
    if (names.some((n) => n.toLowerCase() === wanted)) found.push(address);
  }
  return found;
}
