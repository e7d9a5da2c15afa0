/** Windows installed software: the `uninstall` section (HKLM, HKLM WOW6432Node, HKCU; never `Win32_Product`). */
import { ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, str } from '../windows/powershell.js';
import type { Installed } from './types.js';

/** Parses the `uninstall` section (DisplayName, DisplayVersion, Publisher, Hive). */
export function parseUninstall(section: unknown): Installed[] {
  return asArray(section).flatMap((e) => {
    const name = str(e, 'DisplayName');
    if (name === undefined) return [];
    const out: Record<string, string> = { name, source: str(e, 'Hive') ?? 'registry' };
    const version = str(e, 'DisplayVersion');
    const publisher = str(e, 'Publisher');
    if (version !== undefined) out['version'] = version;
    if (publisher !== undefined) out['publisher'] = publisher;
    return [out as Installed];
  });
}

/** Reads the `uninstall` section (the facts batch already runs once per context). */
export function readWin32Installed(
  ctx: ProbeContext,
  signal?: AbortSignal,
): Promise<ProbeResult<Installed[]>> {
  return windowsSection(ctx, 'uninstall', signal).then((s) =>
    s.status === 'ok' ? ok(parseUninstall(s.data)) : s,
  );
}
