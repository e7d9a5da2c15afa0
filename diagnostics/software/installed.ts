/**
 * Installed software: Windows from the Uninstall registry keys (HKLM, HKLM WOW6432Node, HKCU —
 * never `Win32_Product`), Linux from `dpkg-query` (one call per sweep, shared by the probes).
 */
import { assertNever } from '../assert-never.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { readLinuxInstalled } from './installed-linux.js';
import { readWin32Installed } from './installed-win32.js';
import type { Installed } from './types.js';

export type { Installed } from './types.js';
export { parseUninstall } from './installed-win32.js';
export { parseDpkg } from './installed-linux.js';

/** Installed programs of this machine, fetched once per context. */
export function installedSoftware(
  ctx: ProbeContext,
  signal?: AbortSignal,
): Promise<ProbeResult<Installed[]>> {
  switch (ctx.platform) {
    case 'win32':
      return readWin32Installed(ctx, signal);
    case 'linux':
    case 'darwin':
      return readLinuxInstalled(ctx);
    default:
      return assertNever(ctx.platform);
  }
}

/** The first program whose name matches, or undefined. */
export function findInstalled(list: readonly Installed[], pattern: RegExp): Installed | undefined {
  return list.find((p) => pattern.test(p.name));
}
