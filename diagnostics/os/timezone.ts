/** Probe `os.timezone`: the time zone is UTC+7 (Vietnam: "SE Asia Standard Time", Asia/Ho_Chi_Minh). */
import { check, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { num, str } from '../windows/powershell.js';

/** Zone id and its current UTC offset in minutes. */
export type ZoneInfo = Readonly<{ id: string; offsetMinutes: number }>;

/** Parses the `timezone` section (Get-TimeZone + DateTimeOffset). */
export function parseWindowsZone(section: unknown): ZoneInfo | undefined {
  const id = str(section, 'Id');
  const offset = num(section, 'UtcOffsetNowMinutes') ?? num(section, 'BaseUtcOffsetMinutes');
  // `(Get-Date) - (Get-Date).ToUniversalTime()` reads the clock twice: 419.99998, not 420.
  return id === undefined || offset === undefined ? undefined : { id, offsetMinutes: Math.round(offset) };
}

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
            'Settings → Time & language → Time zone: (UTC+07:00) Bangkok, Hanoi, Jakarta.',
            'Settings → Time & language → Time zone: (UTC+07:00) Bangkok, Hanoi, Jakarta.',
          ),
          checklistId: 'fix-clock',
        },
      });
}

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  if (ctx.platform === 'win32') {
    const section = await windowsSection(ctx, 'timezone', signal);
    if (section.status !== 'ok') return [unknownFrom(meta, section)];
    const zone = parseWindowsZone(section.data);
    return [
      zone
        ? evaluateZone(zone)
        : unknownFrom(meta, { status: 'failed', reason: 'no time zone id' }),
    ];
  }
  const id = ctx.env['TZ'] ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return [evaluateZone({ id, offsetMinutes: -new Date(ctx.now()).getTimezoneOffset() })];
}

/** The probe. */
export const timezoneProbe: Probe = { ...meta, timeoutMs: 30_000, run };
