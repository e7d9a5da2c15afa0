/**
 * Installed software: Windows from the Uninstall registry keys (HKLM, HKLM WOW6432Node, HKCU —
 * never `Win32_Product`), Linux from `dpkg-query` (one call per sweep, shared by the probes).
 */
import { failed, ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, str } from '../windows/powershell.js';

/** One installed program. */
export type Installed = Readonly<{
  name: string;
  version?: string;
  publisher?: string;
  source: string;
}>;

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

async function linuxInstalled(ctx: ProbeContext): Promise<ProbeResult<Installed[]>> {
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

/** Installed programs of this machine, fetched once per context. */
export function installedSoftware(
  ctx: ProbeContext,
  signal?: AbortSignal,
): Promise<ProbeResult<Installed[]>> {
  if (ctx.platform === 'win32') {
    return windowsSection(ctx, 'uninstall', signal).then((s) =>
      s.status === 'ok' ? ok(parseUninstall(s.data)) : s,
    );
  }
  let pending = cache.get(ctx);
  if (pending === undefined) {
    pending = linuxInstalled(ctx);
    cache.set(ctx, pending);
  }
  return pending;
}

/** The first program whose name matches, or undefined. */
export function findInstalled(list: readonly Installed[], pattern: RegExp): Installed | undefined {
  return list.find((p) => pattern.test(p.name));
}
