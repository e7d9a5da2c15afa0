/** Linux installed software: `dpkg-query` (one call per sweep, shared by the probes). */
import { failed, ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import type { Installed } from './types.js';

/** Parses `dpkg-query -W -f '${Package}\t${Version}\t${db:Status-Status}\n'`. */
export function parseDpkg(text: string): Installed[] {
  return text.split('\n').flatMap((line) => {
    const [name, version, status] = line.split('\t');
    return name && status?.trim() === 'installed'
      ? [{ name, ...(version ? { version } : {}), source: 'dpkg' }]
      : [];
  });
}

const cache = new WeakMap<ProbeContext, Promise<ProbeResult<Installed[]>>>();

async function dpkgInstalled(ctx: ProbeContext): Promise<ProbeResult<Installed[]>> {
  try {
    const out = await ctx.run(
      'dpkg-query',
      ['-W', '-f', '${Package}\t${Version}\t${db:Status-Status}\n'],
      { timeoutMs: 8000 },
    );
    return out.exitCode === 0
      ? ok(parseDpkg(out.stdout))
      : failed(`dpkg-query exited with ${String(out.exitCode)}`);
  } catch (error) {
    return failed(
      `dpkg-query: ${error instanceof Error ? error.message : String(error)} (not a Debian-family system?)`,
    );
  }
}

/** The dpkg list, fetched once per context. */
export function readLinuxInstalled(ctx: ProbeContext): Promise<ProbeResult<Installed[]>> {
  let pending = cache.get(ctx);
  if (pending === undefined) {
    pending = dpkgInstalled(ctx);
    cache.set(ctx, pending);
  }
  return pending;
}
