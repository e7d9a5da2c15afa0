/**
 * Probe `os.clock`: system clock offset against an NTP server (SNTP over UDP). A wrong clock
 * makes valid certificates look expired or not yet valid (general PKI logic, DOMAIN.md §1.6.5).
 * The server is `settings.ntpServer` (tests: a loopback server), else time.windows.com on
 * Windows and pool.ntp.org elsewhere.
 */
import { assertNever } from '../assert-never.js';
import { check, t, unknownCheck } from '../checks.js';
import type { CheckResult, Platform, Probe, ProbeContext } from '../types.js';
import { sntpQuery } from './sntp.js';

const meta = { id: 'os.clock', area: 'os', title: t('Đồng hồ hệ thống', 'System clock') } as const;

/** warn ≥ 60 s off; fail ≥ 5 min off (TLS, Kerberos and signing timestamps break). */
export function evaluateOffset(offsetMs: number, server: string): CheckResult {
  const secs = Math.round(Math.abs(offsetMs) / 1000);
  const status = secs >= 300 ? 'fail' : secs >= 60 ? 'warn' : 'ok';
  const dir = offsetMs > 0 ? t('chậm', 'behind') : t('nhanh', 'ahead');
  return check({
    ...meta,
    status,
    detail:
      status === 'ok'
        ? t(
            `Đồng hồ đúng (lệch ${secs} giây so với ${server}).`,
            `Clock is right (${secs} s from ${server}).`,
          )
        : t(
            `Đồng hồ ${dir.vi} ${secs} giây so với ${server}.`,
            `Clock is ${secs} s ${dir.en} ${server}.`,
          ),
    values: { offsetMs, server },
    ...(status === 'ok'
      ? {}
      : {
          fix: {
            text: t(
              'Cài đặt (Settings) → Thời gian & ngôn ngữ (Time & language) → Ngày & giờ (Date & time) → bật "Đặt thời gian tự động" (Set time automatically) → "Đồng bộ hóa ngay" (Sync now).',
              'Settings → Time & language → Date & time → turn on "Set time automatically" → "Sync now".',
            ),
            checklistId: 'fix-clock',
          },
        }),
  });
}

/** The time server each OS syncs with by default. */
function defaultNtpServer(platform: Platform): string {
  switch (platform) {
    case 'win32':
      return 'time.windows.com';
    case 'linux':
    case 'darwin':
      return 'pool.ntp.org';
    default:
      return assertNever(platform);
  }
}

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  const server = ctx.settings?.ntpServer ?? defaultNtpServer(ctx.platform);
  try {
    const result = await sntpQuery(server, { timeoutMs: 3000, signal, now: ctx.now });
    return [evaluateOffset(result.offsetMs, server)];
  } catch (error) {
    return [
      unknownCheck(
        meta,
        `cannot reach the time server ${server}: ${error instanceof Error ? error.message : String(error)}`,
      ),
    ];
  }
}

/** The probe. */
export const clockProbe: Probe = { ...meta, timeoutMs: 8_000, run };
