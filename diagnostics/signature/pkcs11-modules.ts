/**
 * Probe `signature.pkcs11-modules`: the known PKCS#11 module files per provider, present or
 * missing, and whether a 64-bit module exists (Windows: System32 holds 64-bit, SysWOW64 32-bit
 * DLLs; the batch reads each DLL's PE machine type).
 */

import { assertNever } from '../assert-never.js';
import { check, t, unknownFrom } from '../checks.js';
import type { CheckResult, LocalText, Probe, ProbeContext, ProbeResult } from '../types.js';
import type { Arch } from './binary-arch.js';
import { readLinuxModules } from './pkcs11-modules-linux.js';
import { readWin32Modules } from './pkcs11-modules-win32.js';
import { GENERIC_PROVIDER, providerById } from './providers.js';
import type { FoundModule } from './types.js';

export type { FoundModule } from './types.js';
export { parseWindowsModules } from './pkcs11-modules-win32.js';

const meta = {
  id: 'signature.pkcs11-modules',
  area: 'signature',
  title: t('Trình điều khiển token (PKCS#11)', 'Token drivers (PKCS#11 modules)'),
} as const;

/** One check per provider found, or one warning when none is installed. */
export function evaluateModules(
  found: readonly FoundModule[],
  processArch: Arch = 'x64',
): CheckResult[] {
  if (found.length === 0) {
    return [
      check({
        ...meta,
        status: 'warn',
        detail: t(
          'Chưa cài trình điều khiển token của nhà cung cấp chữ ký số nào đã biết.',
          'No known signature provider token driver is installed.',
        ),
        values: { modules: [] },
        fix: {
          text: t(
            'Cài trình điều khiển token (driver) của nhà cung cấp chữ ký số của cơ quan.',
            'Install the token driver of the office signature provider.',
          ),
          checklistId: 'install-token-driver',
        },
      }),
    ];
  }
  // A CA's own driver names the CA; generic drivers (SafeNet, OpenSC, Feitian) serve many CAs,
  // so they share one check, listed after the CAs' (a "which CA" fact never reads "generic"
  // while a CA's driver is present).
  const groupOf = (m: FoundModule): string =>
    providerById(m.provider)?.kind === 'generic' ? GENERIC_PROVIDER : m.provider;
  const groups = [...new Set(found.map(groupOf))].sort(
    (a, b) => Number(a === GENERIC_PROVIDER) - Number(b === GENERIC_PROVIDER),
  );
  return groups.map((group) =>
    moduleCheck(
      group,
      found.filter((m) => groupOf(m) === group),
      processArch,
    ),
  );
}

function groupName(group: string, mods: readonly FoundModule[]): LocalText {
  if (group !== GENERIC_PROVIDER) {
    const name = providerById(group)?.name ?? group;
    return t(name, name);
  }
  const names = [...new Set(mods.map((m) => providerById(m.provider)?.name ?? m.provider))].join(
    ', ',
  );
  return t(
    `chung (${names}) — không thuộc riêng CA nào`,
    `generic (${names}) — not tied to one CA`,
  );
}

function moduleCheck(group: string, mods: readonly FoundModule[], processArch: Arch): CheckResult {
  const name = groupName(group, mods);
  const matching = mods.some((m) => m.arch === processArch || m.arch === undefined);
  const list = mods.map((m) => `${m.path}${m.arch ? ` (${m.arch})` : ''}`).join(', ');
  const base = {
    id: `${meta.id}.${group}`,
    area: meta.area,
    title: t(`Driver token ${name.vi}`, `Token driver ${name.en}`),
    values: {
      modules: mods.map((m) => ({ ...m })),
      kind: group === GENERIC_PROVIDER ? 'generic' : 'ca',
    },
  };
  return matching
    ? check({ ...base, status: 'ok', detail: t(`Có: ${list}.`, `Present: ${list}.`) })
    : check({
        ...base,
        status: 'warn',
        detail: t(
          `Chỉ có bản ${mods[0]?.arch ?? '?'}: ${list}. Ứng dụng ${processArch} không nạp được.`,
          `Only a ${mods[0]?.arch ?? '?'} module: ${list}. ${processArch} programs cannot load it.`,
        ),
        fix: {
          text: t(
            `Cài bản driver ${processArch} mới nhất của ${name.vi}.`,
            `Install the latest ${processArch} driver of ${name.en}.`,
          ),
          checklistId: 'install-token-driver',
        },
      });
}

/** The module files of `ctx.platform`. */
function readModules(ctx: ProbeContext, signal: AbortSignal): Promise<ProbeResult<FoundModule[]>> {
  switch (ctx.platform) {
    case 'win32':
      return readWin32Modules(ctx, signal);
    case 'linux':
    case 'darwin':
      return readLinuxModules(ctx);
    default:
      return assertNever(ctx.platform);
  }
}

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  const found = await readModules(ctx, signal);
  return found.status === 'ok' ? evaluateModules(found.data) : [unknownFrom(meta, found)];
}

/** The probe. */
export const pkcs11ModulesProbe: Probe = { ...meta, timeoutMs: 30_000, run };
