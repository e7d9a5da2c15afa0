/** Probe `hardware.battery`: battery health on laptops (full-charge vs designed capacity). */
import { assertNever } from '../assert-never.js';
import { check, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext, ProbeResult } from '../types.js';
import { readLinuxBattery } from './battery-linux.js';
import { readWin32Battery } from './battery-win32.js';
import type { BatteryInfo } from './types.js';

export type { BatteryInfo } from './types.js';
export { parseWindowsBattery } from './battery-win32.js';

const meta = {
  id: 'hardware.battery',
  area: 'hardware',
  title: t('Pin (máy xách tay)', 'Battery (laptops)'),
} as const;

/** ok ≥ 60 % of design; warn 40–60 %; fail < 40 %; desktops are ok (no battery). */
export function evaluateBattery(info: BatteryInfo): CheckResult {
  if (!info.present)
    return check({
      ...meta,
      status: 'ok',
      detail: t('Máy không có pin (máy bàn).', 'No battery (desktop PC).'),
      values: { present: false },
    });
  if (!info.designed || !info.full)
    return check({
      ...meta,
      status: 'unknown',
      reason: 'battery capacities not exposed',
      detail: t(
        'Có pin nhưng hệ điều hành không cho biết dung lượng thiết kế.',
        'A battery is present but the OS does not report its capacities.',
      ),
      values: { ...info },
    });
  const health = Math.round((info.full / info.designed) * 100);
  const status = health < 40 ? 'fail' : health < 60 ? 'warn' : 'ok';
  return check({
    ...meta,
    status,
    detail: t(
      `Pin còn ${health}% dung lượng thiết kế.`,
      `Battery holds ${health}% of its design capacity.`,
    ),
    values: { ...info, healthPercent: health },
    ...(status === 'ok'
      ? {}
      : {
          fix: {
            text: t(
              'Dùng máy khi cắm sạc; đề xuất thay pin.',
              'Keep the laptop plugged in; recommend a new battery.',
            ),
          },
        }),
  });
}

/** The battery facts of `ctx.platform`. */
function readBattery(ctx: ProbeContext, signal: AbortSignal): Promise<ProbeResult<BatteryInfo>> {
  switch (ctx.platform) {
    case 'win32':
      return readWin32Battery(ctx, signal);
    case 'linux':
    case 'darwin':
      return readLinuxBattery(ctx, signal);
    default:
      return assertNever(ctx.platform);
  }
}

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  const info = await readBattery(ctx, signal);
  return [info.status === 'ok' ? evaluateBattery(info.data) : unknownFrom(meta, info)];
}

/** The probe. */
export const batteryProbe: Probe = { ...meta, timeoutMs: 30_000, run };
