/**
 * Probe `hardware.temperature`: CPU temperature where the OS exposes it (Linux sensors via
 * systeminformation; Windows ACPI thermal zones, tenths of kelvin, often admin-only).
 */
import { assertNever } from '../assert-never.js';
import { check, t, unknownCheck, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext, ProbeResult } from '../types.js';
import { readLinuxTemperatures } from './temperature-linux.js';
import { readWin32Temperatures } from './temperature-win32.js';

export { parseWindowsTemps } from './temperature-win32.js';

const meta = {
  id: 'hardware.temperature',
  area: 'hardware',
  title: t('Nhiệt độ', 'Temperature'),
} as const;

/** warn ≥ 80 °C, fail ≥ 95 °C. */
export function evaluateTemperature(celsius: readonly number[]): CheckResult {
  if (celsius.length === 0) return unknownCheck(meta, 'no temperature sensor exposed by the OS');
  const max = Math.max(...celsius);
  const status = max >= 95 ? 'fail' : max >= 80 ? 'warn' : 'ok';
  return check({
    ...meta,
    status,
    detail: t(`Nóng nhất ${max} °C.`, `Hottest reading ${max} °C.`),
    values: { maxCelsius: max, readingsCelsius: [...celsius] },
    ...(status === 'ok'
      ? {}
      : {
          fix: {
            text: t(
              'Vệ sinh quạt và khe gió; đặt máy nơi thoáng.',
              'Clean the fan and vents; give the PC airflow.',
            ),
          },
        }),
  });
}

/** The temperature readings of `ctx.platform`, °C. */
function readTemperatures(ctx: ProbeContext, signal: AbortSignal): Promise<ProbeResult<number[]>> {
  switch (ctx.platform) {
    case 'win32':
      return readWin32Temperatures(ctx, signal);
    case 'linux':
    case 'darwin':
      return readLinuxTemperatures(ctx, signal);
    default:
      return assertNever(ctx.platform);
  }
}

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  const readings = await readTemperatures(ctx, signal);
  return [
    readings.status === 'ok' ? evaluateTemperature(readings.data) : unknownFrom(meta, readings),
  ];
}

/** The probe. */
export const temperatureProbe: Probe = { ...meta, timeoutMs: 30_000, run };
