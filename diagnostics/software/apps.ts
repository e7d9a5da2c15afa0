/**
 * Probes over the installed-software list: office suite, Vietnamese input (Unikey/EVKey) and
 * signing software (VGCA Sign Service, VNPT-CA Plugin, token managers — DOMAIN.md §1).
 */
import { assertNever } from '../assert-never.js';
import { check, notApplicable, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext } from '../types.js';
import { readWin32Processes } from './apps-win32.js';
import { installedSoftware, type Installed } from './installed.js';

const office = {
  id: 'software.office',
  area: 'software',
  title: t('Bộ phần mềm văn phòng', 'Office suite'),
} as const;

/** Office suites: Microsoft Office/365, LibreOffice, WPS, OnlyOffice. */
export function evaluateOffice(list: readonly Installed[]): CheckResult {
  const hits = list.filter((p) =>
    /^(Microsoft (Office|365)|LibreOffice|libreoffice-writer$|WPS Office|ONLYOFFICE|onlyoffice)/i.test(
      p.name,
    ),
  );
  const text = hits.map((p) => `${p.name}${p.version ? ` ${p.version}` : ''}`).join(', ');
  return hits.length > 0
    ? check({
        ...office,
        status: 'ok',
        detail: t(`Có: ${text}.`, `Installed: ${text}.`),
        values: { suites: hits.map((h) => ({ ...h })) },
      })
    : check({
        ...office,
        status: 'warn',
        detail: t(
          'Chưa có bộ phần mềm văn phòng (Word/Excel hoặc tương đương).',
          'No office suite (Word/Excel or equivalent).',
        ),
        values: { suites: [] },
        fix: {
          text: t(
            'Cài bộ văn phòng theo bản quyền của cơ quan (Microsoft 365, hoặc LibreOffice miễn phí).',
            'Install the office licensed suite (Microsoft 365, or free LibreOffice).',
          ),
          checklistId: 'fix-office',
        },
      });
}

const typing = {
  id: 'software.vietnamese-input',
  area: 'software',
  title: t('Gõ tiếng Việt (Unikey/EVKey)', 'Vietnamese typing (Unikey/EVKey)'),
} as const;

/** Installed and running input methods. Whether Vietnamese mode is on cannot be read: said so. */
export function evaluateTyping(
  list: readonly Installed[],
  running: readonly string[],
): CheckResult {
  const installed = list.filter((p) => /unikey|evkey|bamboo/i.test(p.name)).map((p) => p.name);
  const active = running.filter((n) => /unikey|evkey/i.test(n));
  const values = { installed, running: [...active], vietnameseModeReadable: false };
  if (installed.length === 0 && active.length === 0)
    return check({
      ...typing,
      status: 'warn',
      values,
      detail: t(
        'Chưa có bộ gõ tiếng Việt (Unikey/EVKey).',
        'No Vietnamese input method (Unikey/EVKey).',
      ),
      fix: {
        text: t(
          'Cài Unikey hoặc EVKey (bảng mã Unicode, kiểu gõ Telex).',
          'Install Unikey or EVKey (Unicode charset, Telex).',
        ),
        checklistId: 'install-unikey',
      },
    });
  return check({
    ...typing,
    status: 'ok',
    values,
    detail: t(
      `${[...new Set([...installed, ...active])].join(', ')}${active.length > 0 ? ' đang chạy' : ' đã cài (không chạy)'}. Không đọc được đang bật chế độ V hay E: nhớ tắt gõ tiếng Việt trước khi nhập mã PIN.`,
      `${[...new Set([...installed, ...active])].join(', ')}${active.length > 0 ? ' running' : ' installed (not running)'}. Whether Vietnamese mode is on cannot be read: switch it off before typing a PIN.`,
    ),
  });
}

const signing = {
  id: 'software.signing',
  area: 'software',
  title: t('Phần mềm ký số', 'Signing software'),
} as const;
const SIGNING = [
  { name: 'VGCA Sign Service', re: /VGCA\s*Sign\s*Service|vgca-sign/i },
  { name: 'VNPT-CA Plugin', re: /VNPT-?CA Plugin/i },
  {
    name: 'Token Manager',
    re: /Token ?Manager|PKI Token|SafeNet Authentication Client|Bit4id|BkavCA|eToken/i,
  },
];

/** Signing software present (any one is enough to sign; none is a warning). */
export function evaluateSigning(list: readonly Installed[]): CheckResult {
  const hits = SIGNING.flatMap((s) =>
    list
      .filter((p) => s.re.test(p.name))
      .map((p) => ({ kind: s.name, name: p.name, version: p.version ?? '?' })),
  );
  const text = hits.map((h) => `${h.name} ${h.version}`).join(', ');
  return hits.length > 0
    ? check({
        ...signing,
        status: 'ok',
        detail: t(`Có: ${text}.`, `Installed: ${text}.`),
        values: { found: hits },
      })
    : check({
        ...signing,
        status: 'warn',
        detail: t(
          'Chưa cài VGCA Sign Service, VNPT-CA Plugin hay phần mềm quản lý token nào.',
          'No VGCA Sign Service, VNPT-CA Plugin or token manager installed.',
        ),
        values: { found: [] },
        fix: {
          text: t(
            'Cài bộ ký số của nhà cung cấp (ca.gov.vn cho VGCA; kyso.vnpt-ca.vn cho VNPT-CA).',
            'Install the provider signing kit (ca.gov.vn for VGCA; kyso.vnpt-ca.vn for VNPT-CA).',
          ),
          checklistId: 'fix-signing-service',
        },
      });
}

async function withList(
  ctx: ProbeContext,
  signal: AbortSignal,
  meta: typeof office | typeof signing,
  judge: (l: Installed[]) => CheckResult,
): Promise<CheckResult[]> {
  const list = await installedSoftware(ctx, signal);
  return [list.status === 'ok' ? judge(list.data) : unknownFrom(meta, list)];
}

/** The office-suite probe. */
export const officeProbe: Probe = {
  ...office,
  timeoutMs: 30_000,
  run: (ctx, { signal }) => withList(ctx, signal, office, evaluateOffice),
};

/** The signing-software probe (Windows only: the kits are Windows programs). */
export const signingSoftwareProbe: Probe = {
  ...signing,
  timeoutMs: 30_000,
  run: async (ctx, { signal }) => {
    switch (ctx.platform) {
      case 'win32':
        return withList(ctx, signal, signing, evaluateSigning);
      case 'linux':
      case 'darwin':
        return [
          notApplicable(
            signing,
            t(
              'Không áp dụng trên Linux: VGCA Sign Service và VNPT-CA Plugin là phần mềm cho Windows.',
              'Not applicable on Linux: VGCA Sign Service and VNPT-CA Plugin are Windows programs.',
            ),
            'Windows programs',
          ),
        ];
      default:
        return assertNever(ctx.platform);
    }
  },
};

/** Names of the running processes (Windows `processes` section; none elsewhere). */
async function runningProcesses(ctx: ProbeContext, signal: AbortSignal): Promise<string[]> {
  switch (ctx.platform) {
    case 'win32':
      return readWin32Processes(ctx, signal);
    case 'linux':
    case 'darwin':
      return [];
    default:
      return assertNever(ctx.platform);
  }
}

/** The Vietnamese-typing probe. */
export const typingProbe: Probe = {
  ...typing,
  timeoutMs: 30_000,
  run: async (ctx, { signal }) => {
    const list = await installedSoftware(ctx, signal);
    if (list.status !== 'ok') return [unknownFrom(typing, list)];
    return [evaluateTyping(list.data, await runningProcesses(ctx, signal))];
  },
};
