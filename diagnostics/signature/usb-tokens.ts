/**
 * Probe `signature.usb-tokens`: signing tokens plugged in, matched by USB vendor ID
 * (DOMAIN.md §2.1: detect by VID, never whitelist PIDs). Linux reads sysfs; Windows reads
 * `Get-PnpDevice` JSON (the batch's `usb` section).
 */

import { assertNever } from '../assert-never.js';
import { check, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext, ProbeResult } from '../types.js';
import { TOKEN_VENDORS } from './providers.js';
import type { UsbDevice } from './types.js';
import { readLinuxUsb } from './usb-tokens-linux.js';
import { readWin32Usb } from './usb-tokens-win32.js';

export type { UsbDevice } from './types.js';
export { linuxUsbDevices } from './usb-tokens-linux.js';
export { parseWindowsUsb } from './usb-tokens-win32.js';

/** Devices whose vendor makes signing tokens (one entry per device node). */
export function matchTokens(devices: readonly UsbDevice[]): (UsbDevice & { vendor: string })[] {
  const seen = new Set<string>();
  return devices.flatMap((d) => {
    const vendor = TOKEN_VENDORS[d.vid];
    const key = `${d.vid}:${d.pid}:${d.name}`;
    if (vendor === undefined || seen.has(key)) return [];
    seen.add(key);
    return [{ ...d, vendor }];
  });
}

const meta = {
  id: 'signature.usb-tokens',
  area: 'signature',
  title: t('Token ký số (USB)', 'Signing tokens (USB)'),
} as const;

/** The check for the devices found. */
export function evaluateTokens(devices: readonly UsbDevice[]): CheckResult {
  const tokens = matchTokens(devices);
  if (tokens.length === 0) {
    return check({
      ...meta,
      status: 'warn',
      detail: t(
        `Không thấy token ký số nào đang cắm (đã xem ${devices.length} thiết bị USB).`,
        `No signing token plugged in (looked at ${devices.length} USB devices).`,
      ),
      values: { usbDevices: devices.length, tokens: [] },
      fix: {
        text: t(
          'Cắm token ký số vào cổng USB rồi kiểm tra lại.',
          'Plug the signing token into a USB port and check again.',
        ),
      },
    });
  }
  const list = tokens
    .map((d) => `${d.vendor} ${d.vid}:${d.pid}${d.name ? ` (${d.name})` : ''}`)
    .join('; ');
  return check({
    ...meta,
    status: 'ok',
    detail: t(`Đang cắm: ${list}.`, `Plugged in: ${list}.`),
    values: { usbDevices: devices.length, tokens },
  });
}

/** The USB devices of `ctx.platform`. */
function readUsbDevices(ctx: ProbeContext, signal: AbortSignal): Promise<ProbeResult<UsbDevice[]>> {
  switch (ctx.platform) {
    case 'win32':
      return readWin32Usb(ctx, signal);
    case 'linux':
    case 'darwin':
      return readLinuxUsb(ctx);
    default:
      return assertNever(ctx.platform);
  }
}

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  const devices = await readUsbDevices(ctx, signal);
  return [devices.status === 'ok' ? evaluateTokens(devices.data) : unknownFrom(meta, devices)];
}

/** The probe. */
export const usbTokensProbe: Probe = { ...meta, timeoutMs: 30_000, run };
