/**
 * Probe `os.powershell`: which Windows PowerShell answers Xã Số, and in which language mode.
 * A PC locked down by AppLocker or WDAC runs scripts in Constrained Language Mode: Xã Số still
 * reads every CIM and registry fact, but not the Wi-Fi signal (the WLAN API needs `Add-Type`)
 * nor whether a token driver is 32- or 64-bit (it reads the DLL header through .NET).
 * MS Learn: https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.core/about/about_language_modes
 */
import { assertNever } from '../assert-never.js';
import { check, notApplicable, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext } from '../types.js';
import { readWin32Shell } from './powershell-mode-win32.js';
import type { ShellInfo } from './types.js';

export type { ShellInfo } from './types.js';
export { parseShell } from './powershell-mode-win32.js';

const meta = {
  id: 'os.powershell',
  area: 'os',
  title: t(
    'PowerShell (công cụ Xã Số dùng để đọc máy)',
    'PowerShell (what Xã Số reads the PC with)',
  ),
} as const;

/** ok in Full Language mode; warn when locked down (some facts cannot be read). */
export function evaluateShell(info: ShellInfo): CheckResult {
  const values = { psVersion: info.version, languageMode: info.languageMode };
  if (info.languageMode === 'FullLanguage') {
    return check({
      ...meta,
      status: 'ok',
      detail: t(
        `PowerShell ${info.version}, chạy đầy đủ.`,
        `PowerShell ${info.version}, full language mode.`,
      ),
      values,
    });
  }
  return check({
    ...meta,
    status: 'warn',
    detail: t(
      `Máy đang bị khoá theo chính sách bảo mật (AppLocker/WDAC, chế độ ${info.languageMode}). Xã Số vẫn đọc được phần cứng, Windows, phần mềm, chứng thư và mạng, nhưng không đọc được độ mạnh sóng Wi-Fi và loại 32/64-bit của driver token.`,
      `This PC is locked down by security policy (AppLocker/WDAC, ${info.languageMode}). Xã Số still reads hardware, Windows, software, certificates and network, but not the Wi-Fi signal nor whether a token driver is 32- or 64-bit.`,
    ),
    values,
    fix: {
      text: t(
        'Không cần gỡ chính sách. Nếu cần hai thông tin còn thiếu, nhờ bộ phận CNTT của tỉnh cho phép Xã Số (xem các tệp .ps1 do "xaso capture --scripts" ghi ra).',
        'No need to lift the policy. If the two missing facts matter, ask the provincial IT team to allow Xã Số (see the .ps1 files that "xaso capture --scripts" writes).',
      ),
    },
  });
}

async function runWin32(ctx: ProbeContext, signal: AbortSignal): Promise<CheckResult[]> {
  const info = await readWin32Shell(ctx, signal);
  return [info.status === 'ok' ? evaluateShell(info.data) : unknownFrom(meta, info)];
}

function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  switch (ctx.platform) {
    case 'win32':
      return runWin32(ctx, signal);
    case 'linux':
    case 'darwin':
      return Promise.resolve([
        notApplicable(
          meta,
          t(
            'Không áp dụng: chỉ máy Windows được đọc qua PowerShell.',
            'Not applicable: only Windows is read through PowerShell.',
          ),
          'PowerShell is only used on Windows',
        ),
      ]);
    default:
      return assertNever(ctx.platform);
  }
}

/** The probe. */
export const powershellProbe: Probe = { ...meta, timeoutMs: 30_000, run };
