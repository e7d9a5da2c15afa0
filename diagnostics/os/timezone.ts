/** Probe `os.timezone`: the time zone is UTC+7 (Vietnam: "SE Asia Standard Time", Asia/Ho_Chi_Minh). */
import { assertNever } from '../assert-never.js';
import { check, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext, ProbeResult } from '../types.js';
import { readLinuxZone } from './timezone-linux.js';
import { readWin32Zone } from './timezone-win32.js';
import type { ZoneInfo } from './types.js';

export type { ZoneInfo } from './types.js';
export { parseWindowsZone } from './timezone-win32.js';

const meta = { id: 'os.timezone', area: 'os', title: t('Múi giờ', 'Time zone') } as const;

/** ok at +420 minutes; warn otherwise. */
export function evaluateZone(zone: ZoneInfo): CheckResult {
  const hours = zone.offsetMinutes / 60;
  const label = `UTC${hours >= 0 ? '+' : ''}${hours}`;
  return zone.offsetMinutes === 420
    ? check({
        ...meta,
        status: 'ok',
        detail: t(`Múi giờ ${zone.id} (${label}).`, `Time zone ${zone.id} (${label}).`),
        values: { ...zone },
      })
    : check({
        ...meta,
        status: 'warn',
        detail: t(
          `Múi giờ đang là ${zone.id} (${label}), không phải UTC+7: giờ ký và hạn chứng thư sẽ hiển thị sai.`,
          `Time zone is ${zone.id} (${label}), not UTC+7: signing times and certificate dates will be off.`,
        ),
        values: { ...zone },
        fix: {
          text: t(
            'Cài đặt (Settings) → Thời gian & ngôn ngữ (Time & language) → Ngày & giờ (Date & time) → Múi giờ (Time zone): (UTC+07:00) Bangkok, Hà Nội, Jakarta.',
            'Settings → Time & language → Time zone: (UTC+07:00) Bangkok, Hanoi, Jakarta.',
          ),
          checklistId: 'fix-clock',
        },
      });
}

/** The time zone of `ctx.platform`. */
function readZone(ctx: ProbeContext, signal: AbortSignal): Promise<ProbeResult<ZoneInfo>> {
  switch (ctx.platform) {
    case 'win32':
      return readWin32Zone(ctx, signal);
    case 'linux':
    case 'darwin':
      return readLinuxZone(ctx);
    default:
      return assertNever(ctx.platform);
  }
}

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  const zone = await readZone(ctx, signal);
  return [zone.status === 'ok' ? evaluateZone(zone.data) : unknownFrom(meta, zone)];
}

/** The probe. */
export const timezoneProbe: Probe = { ...meta, timeoutMs: 30_000, run };
