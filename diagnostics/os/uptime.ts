/** Probe `os.uptime`: time since the last restart, and whether a restart is pending. */

import { check, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, bool, parsePsDate } from '../windows/powershell.js';

/** What the verdict needs. */
export type UptimeInfo = Readonly<{
  uptimeSeconds: number;
  pendingReboot: boolean;
  pendingReasons: readonly string[];
}>;

/** Parses the `os` (LastBootUpTime) and `reboot` sections. */
export function parseWindowsUptime(
  os: unknown,
  reboot: unknown,
  now: number,
): UptimeInfo | undefined {
  const boot = parsePsDate(
    (asArray(os)[0] as Record<string, unknown> | undefined)?.['LastBootUpTime'],
  );
  if (boot === undefined) return undefined;
  const reasons = ['CbsRebootPending', 'WuRebootRequired', 'PendingFileRename'].filter(
    (k) => bool(reboot, k) === true,
  );
  return {
    uptimeSeconds: Math.max(0, Math.round((now - boot) / 1000)),
    pendingReboot: reasons.length > 0,
    pendingReasons: reasons,
  };
}

const meta = {
  id: 'os.uptime',
  area: 'os',
  title: t('Thời gian chạy và khởi động lại', 'Uptime and pending restart'),
} as const;

/** warn when a restart is pending or the PC ran ≥ 14 days without one. */
export function evaluateUptime(info: UptimeInfo): CheckResult {
  const days = Math.floor(info.uptimeSeconds / 86_400);
  const long = days >= 14;
  const status = info.pendingReboot || long ? 'warn' : 'ok';
  const what = info.pendingReboot
    ? t(' Đang chờ khởi động lại để hoàn tất cập nhật.', ' A restart is pending to finish updates.')
    : t('', '');
  return check({
    ...meta,
    status,
    detail: t(
      `Máy đã chạy ${days} ngày kể từ lần khởi động gần nhất.${what.vi}`,
      `Up for ${days} days since the last restart.${what.en}`,
    ),
    values: { ...info, uptimeDays: days },
    ...(status === 'ok'
      ? {}
      : {
          fix: {
            text: t(
              'Lưu tài liệu và khởi động lại máy (Restart, không phải Shut down).',
              'Save work and restart the PC (Restart, not Shut down).',
            ),
          },
        }),
  });
}

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  if (ctx.platform === 'win32') {
    const os = await windowsSection(ctx, 'os', signal);
    const reboot = await windowsSection(ctx, 'reboot', signal);
    if (os.status !== 'ok') return [unknownFrom(meta, os)];
    const info = parseWindowsUptime(os.data, reboot.status === 'ok' ? reboot.data : {}, ctx.now());
    return [
      info
        ? evaluateUptime(info)
        : unknownFrom(meta, { status: 'failed', reason: 'no LastBootUpTime' }),
    ];
  }
  const pending = await ctx.fs.access('/var/run/reboot-required').then(
    () => true,
    () => false,
  );
  return [
    evaluateUptime({
      uptimeSeconds: Math.round(ctx.os.uptime()),
      pendingReboot: pending,
      pendingReasons: pending ? ['/var/run/reboot-required'] : [],
    }),
  ];
}

/** The probe. */
export const uptimeProbe: Probe = { ...meta, timeoutMs: 30_000, run };
