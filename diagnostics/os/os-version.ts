/**
 * Probe `os.version`: OS edition, version and build, and whether it still gets security updates
 * (lifecycle dates are data: `diagnostics/data/windows-lifecycle.json`).
 */

import lifecycle from '../data/windows-lifecycle.json' with { type: 'json' };
import { check, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, num, str } from '../windows/powershell.js';

/** The Windows version facts the verdict needs. */
export type WindowsVersion = Readonly<{
  caption: string;
  build: number;
  ubr?: number;
  displayVersion?: string;
  editionId?: string;
  arch?: string;
}>;

/** Parses the `os` section (Win32_OperatingSystem + CurrentVersion registry values). */
export function parseWindowsVersion(section: unknown): WindowsVersion | undefined {
  const os = asArray(section)[0];
  const build = num(os, 'BuildNumber');
  if (build === undefined) return undefined;
  const out: Record<string, unknown> = { caption: str(os, 'Caption') ?? 'Windows', build };
  for (const [k, v] of [
    ['ubr', num(os, 'UBR')],
    ['displayVersion', str(os, 'DisplayVersion')],
    ['editionId', str(os, 'EditionID')],
    ['arch', str(os, 'OSArchitecture')],
  ] as const)
    if (v !== undefined) out[k] = v;
  return out as WindowsVersion;
}

type Release = (typeof lifecycle.releases)[number] & {
  extendedEnd?: string;
  extendedNote?: string;
  ltscEnd?: string;
  iotLtscEnd?: string;
  enterpriseEnd?: string;
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
  const fix = {
    text: t(
      'Nâng cấp lên Windows 11 bản mới nhất (hoặc mua ESU); máy hết hỗ trợ không còn nhận bản vá bảo mật.',
      'Upgrade to the latest Windows 11 (or buy ESU); unsupported PCs get no security fixes.',
    ),
    checklistId: 'upgrade-windows',
  };
  if (now > end && esu !== undefined && now <= esu)
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
        `${osName}: đã hết hỗ trợ từ ${esu === undefined ? sup.end : `${sup.end} (ESU cho người dùng cá nhân hết ${sup.release.extendedEnd})`} — không còn bản vá bảo mật.`,
        `${osName}: out of support since ${esu === undefined ? sup.end : `${sup.end} (consumer ESU ended ${sup.release.extendedEnd})`} — no security fixes.`,
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

/** Parses /etc/os-release (PRETTY_NAME). */
export function parseOsRelease(text: string): string | undefined {
  return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(text)?.[1];
}

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  if (ctx.platform === 'win32') {
    const section = await windowsSection(ctx, 'os', signal);
    if (section.status !== 'ok') return [unknownFrom(meta, section)];
    const v = parseWindowsVersion(section.data);
    return [
      v
        ? evaluateWindows(v, ctx.now())
        : unknownFrom(meta, { status: 'failed', reason: 'no BuildNumber' }),
    ];
  }
  const pretty =
    parseOsRelease(await ctx.fs.readText('/etc/os-release').catch(() => '')) ?? 'Linux';
  const osName = `${pretty} (kernel ${ctx.os.release()})`;
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

/** The probe. */
export const osVersionProbe: Probe = { ...meta, timeoutMs: 30_000, run };
