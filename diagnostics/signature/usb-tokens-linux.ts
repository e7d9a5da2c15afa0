/** Linux (and macOS) USB facts: sysfs `/sys/bus/usb/devices`. */
import { failed, ok } from '../checks.js';
import type { HostFs, ProbeContext, ProbeResult } from '../types.js';
import type { UsbDevice } from './types.js';

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

/** The sysfs devices; an unreadable sysfs is a failure. */
export async function readLinuxUsb(ctx: ProbeContext): Promise<ProbeResult<UsbDevice[]>> {
  try {
    return ok(await linuxUsbDevices(ctx.fs));
  } catch (error) {
    return failed(`cannot read /sys/bus/usb/devices: ${String(error)}`);
  }
}
