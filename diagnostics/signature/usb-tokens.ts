/**
 * Probe `signature.usb-tokens`: signing tokens plugged in, matched by USB vendor ID
 * (DOMAIN.md §2.1: detect by VID, never whitelist PIDs). Linux reads sysfs; Windows reads
 * `Get-PnpDevice` JSON (the batch's `usb` section).
 */

import { assertNever } from '../assert-never.js';
import { check, t, unknownFrom } from '../checks.js';
import type { CheckResult, HostFs, Probe, ProbeContext } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, str } from '../windows/powershell.js';
import { TOKEN_VENDORS } from './providers.js';

/** One USB device. */
export type UsbDevice = Readonly<{ vid: string; pid: string; name: string }>;

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

/** Linux: `/sys/bus/usb/devices/<dev>/idVendor|idProduct|product`. */
export async function linuxUsbDevices(
  fs: HostFs,
  root = '/sys/bus/usb/devices',
): Promise<UsbDevice[]> {
  const read = (dir: string, name: string) =>
    fs.readText(`${root}/${dir}/${name}`).then(
      (s) => s.trim(),
      () => '',
    );
  const devices: UsbDevice[] = [];
  // No /sys/bus/usb/devices means no USB controller is visible (a VM without USB): zero devices.
  const dirs = await fs.readdir(root).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  for (const dir of dirs) {
    const vid = await read(dir, 'idVendor');
    if (vid !== '')
      devices.push({
        vid: vid.toUpperCase(),
        pid: (await read(dir, 'idProduct')).toUpperCase(),
        name: `${await read(dir, 'manufacturer')} ${await read(dir, 'product')}`.trim(),
      });
  }
  return devices;
}

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

function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  switch (ctx.platform) {
    case 'win32':
      return runWin32(ctx, signal);
    case 'linux':
    case 'darwin':
      return runLinux(ctx);
    default:
      return assertNever(ctx.platform);
  }
}

async function runWin32(ctx: ProbeContext, signal: AbortSignal): Promise<CheckResult[]> {
  const section = await windowsSection(ctx, 'usb', signal);
  return [
    section.status === 'ok'
      ? evaluateTokens(parseWindowsUsb(section.data))
      : unknownFrom(meta, section),
  ];
}

async function runLinux(ctx: ProbeContext): Promise<CheckResult[]> {
  try {
    return [evaluateTokens(await linuxUsbDevices(ctx.fs))];
  } catch (error) {
    return [
      unknownFrom(meta, {
        status: 'failed',
        reason: `cannot read /sys/bus/usb/devices: ${String(error)}`,
      }),
    ];
  }
}

/** The probe. */
export const usbTokensProbe: Probe = { ...meta, timeoutMs: 30_000, run };
