/**
 * Probe `os.version`: OS edition, version and build, and whether it still gets security updates
 * (lifecycle dates are data: `diagnostics/data/windows-lifecycle.json`).
 */

import lifecycle from '../data/windows-lifecycle.json' with { type: 'json' };
import { assertNever } from '../assert-never.js';
import { check, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext } from '../types.js';
import { readLinuxOsName } from './os-version-linux.js';
import { readWin32Version } from './os-version-win32.js';
import type { WindowsVersion } from './types.js';

export type { WindowsVersion } from './types.js';
export { parseWindowsVersion } from './os-version-win32.js';
export { parseOsRelease } from './os-version-linux.js';

type Release = (typeof lifecycle.releases)[number] & {
  extendedEnd?: string;
  extendedNote?: string;
  ltscEnd?: string;
  iotLtscEnd?: string;
  enterpriseEnd?: string;
  serverEnd?: string;
};
const DAY = 86_400_000;
const meta = {
  id: 'os.version',
  area: 'os',
  title: t('Hệ điều hành và hạn hỗ trợ', 'Operating system and support'),
} as const;

/** End of security updates for this edition, or undefined when the build is not in the data. */
export function supportEnd(
  v: WindowsVersion,
): { end: string; release: Release; extended: boolean } | undefined {
  const rel = (lifecycle.releases as Release[]).find((r) => r.build === v.build);
  if (!rel) return undefined;
  const edition = v.editionId ?? '';
  // Windows Server shares the client's build numbers but not its dates: no server date, no verdict.
  if (/Server/i.test(edition))
    return rel.serverEnd ? { end: rel.serverEnd, release: rel, extended: false } : undefined;
  if (/^IoTEnterpriseS/i.test(edition) && rel.iotLtscEnd)
    return { end: rel.iotLtscEnd, release: rel, extended: false };
  if (/EnterpriseS/i.test(edition) && rel.ltscEnd)
    return { end: rel.ltscEnd, release: rel, extended: false };
  if (/Enterprise|Education/i.test(edition) && rel.enterpriseEnd)
    return { end: rel.enterpriseEnd, release: rel, extended: false };
  return { end: rel.end, release: rel, extended: false };
}

/** fail after end of support (and of consumer ESU); warn within 90 days of it or during ESU. */
export function evaluateWindows(v: WindowsVersion, now: number): CheckResult {
  const osName = `${v.caption.replace(/^Microsoft\s+/, '')}${v.displayVersion ? ` ${v.displayVersion}` : ''} (${v.build}${v.ubr === undefined ? '' : `.${v.ubr}`})`;
  const values = { osName, ...v };
  const sup = supportEnd(v);
  if (!sup)
    return check({
      ...meta,
      status: 'unknown',
      reason: `build ${v.build} is not in the lifecycle data (${lifecycle.checkedOn})`,
      detail: t(
        `${osName}: chưa có dữ liệu hạn hỗ trợ cho bản này.`,
        `${osName}: no support dates for this build.`,
      ),
      values,
    });
  const end = Date.parse(sup.end);
  const esu = sup.release.extendedEnd ? Date.parse(sup.release.extendedEnd) : undefined;
  // During ESU the advice is to enrol; after it (consumer ESU ended 13/10/2026) the advice is
  // the upgrade path from the data file: Windows 11 hardware check, Windows 11 or LTSC.
  const inEsu = now > end && esu !== undefined && now <= esu;
  const advice = t(lifecycle.advice.vi, lifecycle.advice.en);
  const fix = {
    text: inEsu
      ? t(
          `Đăng ký ESU nếu cơ quan đủ điều kiện (đến ${sup.release.extendedEnd ?? ''}), đồng thời lên kế hoạch: ${advice.vi}`,
          `Enrol in ESU if the office qualifies (until ${sup.release.extendedEnd ?? ''}), and plan ahead: ${advice.en}`,
        )
      : advice,
    checklistId: 'fix-windows-upgrade',
  };
  if (inEsu)
    return check({
      ...meta,
      status: 'warn',
      detail: t(
        `${osName}: hết hỗ trợ ngày ${sup.end}; chỉ còn bản vá nếu đã đăng ký ESU (đến ${sup.release.extendedEnd}).`,
        `${osName}: support ended ${sup.end}; patched only with ESU (until ${sup.release.extendedEnd}).`,
      ),
      values: { ...values, supportEnd: sup.end },
      fix,
    });
  if (now > (esu ?? end))
    return check({
      ...meta,
      status: 'fail',
      detail: t(
        `${osName}: đã hết hỗ trợ từ ${esu === undefined ? sup.end : `${sup.end} (ESU hết ${sup.release.extendedEnd})`} — không còn bản vá bảo mật.`,
        `${osName}: out of support since ${esu === undefined ? sup.end : `${sup.end} (ESU ended ${sup.release.extendedEnd})`} — no security fixes.`,
      ),
      values: { ...values, supportEnd: sup.end },
      fix,
    });
  const days = Math.round((end - now) / DAY);
  return check({
    ...meta,
    status: days <= 90 ? 'warn' : 'ok',
    detail: t(
      `${osName}: còn hỗ trợ đến ${sup.end} (${days} ngày).`,
      `${osName}: supported until ${sup.end} (${days} days).`,
    ),
    values: { ...values, supportEnd: sup.end, daysLeft: days },
    ...(days <= 90 ? { fix } : {}),
  });
}

/** Windows: the support verdict of the version read. */
async function runWin32(ctx: ProbeContext, signal: AbortSignal): Promise<CheckResult[]> {
  const v = await readWin32Version(ctx, signal);
  return [v.status === 'ok' ? evaluateWindows(v.data, ctx.now()) : unknownFrom(meta, v)];
}

/** Linux and macOS: the OS name, no support dates. */
async function runLinux(ctx: ProbeContext): Promise<CheckResult[]> {
  const osName = await readLinuxOsName(ctx);
  return [
    check({
      ...meta,
      status: 'unknown',
      reason: 'end of support is tracked for Windows only',
      detail: t(
        `${osName}: hạn hỗ trợ chỉ được theo dõi cho Windows.`,
        `${osName}: end of support is tracked for Windows only.`,
      ),
      values: { osName },
    }),
  ];
}

function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  switch (ctx.platform) {
    case 'win32':
      return runWin32(ctx, signal);
    case 'linux':
    case 'darwin':
      return runLinux(ctx);
    default:
      return assertNever(ctx.platform);
  }
}

/** The probe. */
export const osVersionProbe: Probe = { ...meta, timeoutMs: 30_000, run };
