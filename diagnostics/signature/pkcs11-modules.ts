/**
 * Probe `signature.pkcs11-modules`: the known PKCS#11 module files per provider, present or
 * missing, and whether a 64-bit module exists (Windows: System32 holds 64-bit, SysWOW64 32-bit
 * DLLs; the batch reads each DLL's PE machine type).
 */

import { assertNever } from '../assert-never.js';
import { check, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext, ProbeResult } from '../types.js';
import type { Arch } from './binary-arch.js';
import { readLinuxModules } from './pkcs11-modules-linux.js';
import { readWin32Modules } from './pkcs11-modules-win32.js';
import { PROVIDERS } from './providers.js';
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
  return [...new Set(found.map((m) => m.provider))].map((id) => {
    const provider = PROVIDERS.find((p) => p.id === id)!;
    const mods = found.filter((m) => m.provider === id);
    const matching = mods.some((m) => m.arch === processArch || m.arch === undefined);
    const list = mods.map((m) => `${m.path}${m.arch ? ` (${m.arch})` : ''}`).join(', ');
    const base = {
      id: `${meta.id}.${id}`,
      area: meta.area,
      title: t(`Driver token ${provider.name}`, `Token driver ${provider.name}`),
      values: { modules: mods.map((m) => ({ ...m })) },
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
              `Cài bản driver ${processArch} mới nhất của ${provider.name}.`,
              `Install the latest ${processArch} driver of ${provider.name}.`,
            ),
            checklistId: 'install-token-driver',
          },
        });
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
