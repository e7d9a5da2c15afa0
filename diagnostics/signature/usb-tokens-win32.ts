/** Windows USB facts: the `usb` section of the facts script (`Get-PnpDevice` JSON). */
import { ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, str } from '../windows/powershell.js';
import type { UsbDevice } from './types.js';

/** Parses the `usb` section (`Get-PnpDevice` objects; InstanceId carries VID/PID). */
export function parseWindowsUsb(section: unknown): UsbDevice[] {
  return asArray(section).flatMap((item) => {
    const m = /VID_([0-9A-F]{4})&PID_([0-9A-F]{4})/i.exec(str(item, 'InstanceId') ?? '');
    return m?.[1] && m[2]
      ? [
          {
            vid: m[1].toUpperCase(),
            pid: m[2].toUpperCase(),
            name: str(item, 'FriendlyName') ?? '',
          },
        ]
      : [];
  });
}

/** Reads the `usb` section. */
export async function readWin32Usb(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<ProbeResult<UsbDevice[]>> {
  const section = await windowsSection(ctx, 'usb', signal);
  if (section.status !== 'ok') return section;
  return ok(parseWindowsUsb(section.data));
}
