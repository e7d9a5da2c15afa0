/**
 * Linux (and macOS) PKCS#11 module facts: the known module paths per provider and the
 * configured ones, each read for its ELF/Mach-O architecture.
 */
import { ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { binaryArch } from './binary-arch.js';
import { PROVIDERS } from './providers.js';
import type { FoundModule } from './types.js';

/** The module files present among the known and configured paths. */
export async function readLinuxModules(ctx: ProbeContext): Promise<ProbeResult<FoundModule[]>> {
  const wanted = [
    ...PROVIDERS.flatMap((p) => p.linuxModules.map((path) => ({ provider: p.id, path }))),
    ...(ctx.settings?.pkcs11Modules ?? []).map((path) => ({ provider: 'opensc', path })),
  ];
  const found: FoundModule[] = [];
  for (const w of wanted) {
    const head = await ctx.fs.readHead(w.path, 512).catch(() => undefined);
    if (head === undefined) continue;
    const arch = binaryArch(head);
    found.push({
      provider: w.provider,
      file: w.path.split('/').pop() ?? w.path,
      path: w.path,
      ...(arch === undefined ? {} : { arch }),
    });
  }
  return ok(found);
}
