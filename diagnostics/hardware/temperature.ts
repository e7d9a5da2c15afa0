/**
 * Probe `hardware.temperature`: CPU temperature where the OS exposes it (Linux sensors via
 * systeminformation; Windows ACPI thermal zones, tenths of kelvin, often admin-only).
 */
import { check, t, unknownCheck, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, num } from '../windows/powershell.js';
import { systemInformationOf } from './si.js';

/** Parses the `temps` section to °C (CurrentTemperature is in tenths of kelvin). */
export function parseWindowsTemps(section: unknown): number[] {
  return asArray(section).flatMap((z) => {
    const raw = num(z, 'CurrentTemperature');
    return raw === undefined || raw <= 0 ? [] : [Math.round((raw / 10 - 273.15) * 10) / 10];
  });
}

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

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  if (ctx.platform === 'win32') {
    const section = await windowsSection(ctx, 'temps', signal);
    return [
      section.status === 'ok'
        ? evaluateTemperature(parseWindowsTemps(section.data))
        : unknownFrom(meta, section),
    ];
  }
  const temp = await systemInformationOf(ctx)('cpuTemperature', (si) => si.cpuTemperature(), { signal });
  if (temp.status !== 'ok') return [unknownFrom(meta, temp)];
  const readings = [temp.data.main, temp.data.max, ...temp.data.cores].filter(
    (n): n is number => typeof n === 'number' && n > 0,
  );
  return [evaluateTemperature(readings)];
}

/** The probe. */
export const temperatureProbe: Probe = { ...meta, timeoutMs: 30_000, run };
