/** Probe `hardware.battery`: battery health on laptops (full-charge vs designed capacity). */
import { check, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, num } from '../windows/powershell.js';
import { systemInformationOf } from './si.js';

/** Capacities in mWh (or any same unit); `present` false on desktops. */
export type BatteryInfo = Readonly<{
  present: boolean;
  percent?: number;
  designed?: number;
  full?: number;
}>;

/** Parses the `battery` section (Win32_Battery + root/wmi capacities). */
export function parseWindowsBattery(section: unknown): BatteryInfo {
  const b = asArray(section)[0];
  if (b === undefined) return { present: false };
  const out: Record<string, unknown> = { present: true };
  for (const [key, field] of [
    ['percent', 'EstimatedChargeRemaining'],
    ['designed', 'DesignedCapacity'],
    ['full', 'FullChargedCapacity'],
  ] as const) {
    const value = num(b, field);
    if (value !== undefined) out[key] = value;
  }
  return out as BatteryInfo;
}

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

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  if (ctx.platform === 'win32') {
    const section = await windowsSection(ctx, 'battery', signal);
    return [
      section.status === 'ok'
        ? evaluateBattery(parseWindowsBattery(section.data))
        : unknownFrom(meta, section),
    ];
  }
  const battery = await systemInformationOf(ctx)('battery', (si) => si.battery(), { signal });
  if (battery.status !== 'ok') return [unknownFrom(meta, battery)];
  const b = battery.data;
  return [
    evaluateBattery(
      b.hasBattery
        ? { present: true, percent: b.percent, designed: b.designedCapacity, full: b.maxCapacity }
        : { present: false },
    ),
  ];
}

/** The probe. */
export const batteryProbe: Probe = { ...meta, timeoutMs: 30_000, run };
