/** Probe `os.uptime`: time since the last restart, and whether a restart is pending. */

import { assertNever } from '../assert-never.js';
import { check, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext, ProbeResult } from '../types.js';
import type { UptimeInfo } from './types.js';
import { readLinuxUptime } from './uptime-linux.js';
import { readWin32Uptime } from './uptime-win32.js';

export type { UptimeInfo } from './types.js';
export { parseWindowsUptime } from './uptime-win32.js';

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

/** The uptime facts of `ctx.platform`. */
function readUptime(ctx: ProbeContext, signal: AbortSignal): Promise<ProbeResult<UptimeInfo>> {
  switch (ctx.platform) {
    case 'win32':
      return readWin32Uptime(ctx, signal);
    case 'linux':
    case 'darwin':
      return readLinuxUptime(ctx);
    default:
      return assertNever(ctx.platform);
  }
}

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  const info = await readUptime(ctx, signal);
  return [info.status === 'ok' ? evaluateUptime(info.data) : unknownFrom(meta, info)];
}

/** The probe. */
export const uptimeProbe: Probe = { ...meta, timeoutMs: 30_000, run };
