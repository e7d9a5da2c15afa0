/**
 * Windows PKCS#11 module facts: the `modules` section of the facts script (System32 holds
 * 64-bit, SysWOW64 32-bit DLLs; the batch reads each DLL's PE machine type).
 */
import { ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, num, str } from '../windows/powershell.js';
import { peMachineArch } from './binary-arch.js';
import { PROVIDERS } from './providers.js';
import type { FoundModule } from './types.js';

/** Parses the `modules` section (File, Dir, Machine). */
export function parseWindowsModules(section: unknown): FoundModule[] {
  return asArray(section).flatMap((m) => {
    const file = str(m, 'File');
    const dir = str(m, 'Dir') ?? '';
    const provider = PROVIDERS.find((p) =>
      p.windowsModules.some((f) => f.toLowerCase() === file?.toLowerCase()),
    );
    if (file === undefined || provider === undefined) return [];
    const arch = peMachineArch(num(m, 'Machine'));
    return [
      {
        provider: provider.id,
        file,
        path: `${dir}\\${file}`,
        ...(arch === undefined ? {} : { arch }),
      },
    ];
  });
}

/** Reads the `modules` section. */
export async function readWin32Modules(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<ProbeResult<FoundModule[]>> {
  const section = await windowsSection(ctx, 'modules', signal);
  if (section.status !== 'ok') return section;
  return ok(parseWindowsModules(section.data));
}
