/**
 * Probes `software.antivirus`, `software.firewall` and `software.updates` (Windows Security
 * Center, firewall profiles, most recent hotfix). Linux: firewall/antivirus are not judged
 * (said so); updates use the apt history.
 */

import { assertNever } from '../assert-never.js';
import { check, notApplicable, t, unknownCheck, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext } from '../types.js';
import { APT_HISTORY, readLinuxLastUpdate } from './security-linux.js';
import { readWin32LastUpdate, readWin32Security } from './security-win32.js';
import type { Antivirus, SecurityFacts } from './types.js';

export type { Antivirus } from './types.js';
export { decodeProductState, parseSecurity } from './security-win32.js';

const av = {
  id: 'software.antivirus',
  area: 'software',
  title: t('Phần mềm diệt virus', 'Antivirus'),
} as const;
const fw = {
  id: 'software.firewall',
  area: 'software',
  title: t('Tường lửa', 'Firewall'),
} as const;
const wu = {
  id: 'software.updates',
  area: 'software',
  title: t('Cập nhật hệ điều hành', 'OS updates'),
} as const;

/** fail without an enabled antivirus; warn when its definitions are out of date. */
export function evaluateAntivirus(list: readonly Antivirus[]): CheckResult {
  const on = list.filter((a) => a.enabled);
  const values = { products: list.map((a) => ({ ...a })) };
  if (on.length === 0)
    return check({
      ...av,
      status: 'fail',
      values,
      detail: t('Không có phần mềm diệt virus nào đang bật.', 'No antivirus is switched on.'),
      fix: {
        text: t(
          'Bật Microsoft Defender (Windows Security → Virus & threat protection).',
          'Turn on Microsoft Defender (Windows Security → Virus & threat protection).',
        ),
        checklistId: 'fix-antivirus',
      },
    });
  const stale = on.filter((a) => !a.upToDate);
  return check({
    ...av,
    status: stale.length > 0 ? 'warn' : 'ok',
    values,
    detail: t(
      `${on.map((a) => a.name).join(', ')} đang bật${stale.length > 0 ? '; mẫu nhận diện đã cũ' : ''}.`,
      `${on.map((a) => a.name).join(', ')} on${stale.length > 0 ? '; definitions out of date' : ''}.`,
    ),
    ...(stale.length > 0
      ? {
          fix: {
            text: t(
              'Cập nhật mẫu virus (Check for updates).',
              'Update the definitions (Check for updates).',
            ),
          },
        }
      : {}),
  });
}

/** fail when any firewall profile is off. */
export function evaluateFirewall(
  profiles: readonly { name: string; enabled: boolean }[],
): CheckResult {
  const off = profiles.filter((p) => !p.enabled).map((p) => p.name);
  return off.length === 0
    ? check({
        ...fw,
        status: 'ok',
        detail: t(
          `Tường lửa bật cho mọi cấu hình (${profiles.map((p) => p.name).join(', ')}).`,
          `Firewall on for every profile (${profiles.map((p) => p.name).join(', ')}).`,
        ),
        values: { profiles: [...profiles] },
      })
    : check({
        ...fw,
        status: 'fail',
        detail: t(`Tường lửa đang tắt: ${off.join(', ')}.`, `Firewall off: ${off.join(', ')}.`),
        values: { profiles: [...profiles] },
        fix: {
          text: t(
            'Bật Windows Defender Firewall cho mọi cấu hình mạng.',
            'Turn Windows Defender Firewall on for every profile.',
          ),
          checklistId: 'fix-firewall',
        },
      });
}

/** warn after 45 days without an update, fail after 90 (patch user PCs monthly, DOMAIN.md §5). */
export function evaluateUpdates(
  lastMs: number | undefined,
  now: number,
  what: string,
): CheckResult {
  if (lastMs === undefined) return unknownCheck(wu, 'no installed update with a date found');
  const days = Math.floor((now - lastMs) / 86_400_000);
  const status = days > 90 ? 'fail' : days > 45 ? 'warn' : 'ok';
  return check({
    ...wu,
    status,
    detail: t(
      `Lần cập nhật gần nhất (${what}) cách đây ${days} ngày.`,
      `Last update (${what}) ${days} days ago.`,
    ),
    values: { lastUpdate: new Date(lastMs).toISOString(), days },
    ...(status === 'ok'
      ? {}
      : {
          fix: {
            text: t(
              'Cài đặt (Settings) → Windows Update → "Kiểm tra bản cập nhật" (Check for updates), cài hết rồi khởi động lại.',
              'Settings → Windows Update → Check for updates, install all, restart.',
            ),
            checklistId: 'fix-windows-update',
          },
        }),
  });
}

async function security(
  ctx: ProbeContext,
  signal: AbortSignal,
  meta: typeof av | typeof fw,
  pick: (s: SecurityFacts) => CheckResult,
): Promise<CheckResult[]> {
  switch (ctx.platform) {
    case 'win32': {
      const facts = await readWin32Security(ctx, signal);
      return [facts.status === 'ok' ? pick(facts.data) : unknownFrom(meta, facts)];
    }
    case 'linux':
    case 'darwin':
      return [
        notApplicable(
          meta,
          t(
            'Không áp dụng trên Linux: chỉ kiểm qua Windows Security Center.',
            'Not applicable on Linux: checked through Windows Security Center only.',
          ),
          'Windows Security Center only',
        ),
      ];
    default:
      return assertNever(ctx.platform);
  }
}

/** The antivirus probe. */
export const antivirusProbe: Probe = {
  ...av,
  timeoutMs: 30_000,
  run: (ctx, { signal }) => security(ctx, signal, av, (s) => evaluateAntivirus(s.antivirus)),
};
/** The firewall probe. */
export const firewallProbe: Probe = {
  ...fw,
  timeoutMs: 30_000,
  run: (ctx, { signal }) => security(ctx, signal, fw, (s) => evaluateFirewall(s.firewall)),
};

/** Windows: the newest `Get-HotFix` InstalledOn date. */
async function win32Updates(ctx: ProbeContext, signal: AbortSignal): Promise<CheckResult[]> {
  const last = await readWin32LastUpdate(ctx, signal);
  if (last.status !== 'ok') return [unknownFrom(wu, last)];
  return [evaluateUpdates(last.data, ctx.now(), 'Get-HotFix')];
}

/** Linux (and macOS): the time apt last wrote its history. */
async function aptUpdates(ctx: ProbeContext): Promise<CheckResult[]> {
  const last = await readLinuxLastUpdate(ctx);
  return [
    last !== undefined
      ? evaluateUpdates(last, ctx.now(), 'apt')
      : unknownCheck(wu, `no apt history (${APT_HISTORY})`),
  ];
}

/** The updates probe. */
export const updatesProbe: Probe = {
  ...wu,
  timeoutMs: 30_000,
  run: (ctx, { signal }) => {
    switch (ctx.platform) {
      case 'win32':
        return win32Updates(ctx, signal);
      case 'linux':
      case 'darwin':
        return aptUpdates(ctx);
      default:
        return assertNever(ctx.platform);
    }
  },
};
