/** Linux (and macOS) identity facts: DMI ids and device-backed MACs from sysfs. */
import { meaningful } from './identity-fingerprint.js';
import { prune, type IdentityFacts } from './identity-types.js';
import type { HostFs } from './types.js';

async function readSys(fs: HostFs, path: string): Promise<string | undefined> {
  try {
    return meaningful(await fs.readText(path));
  } catch {
    return undefined;
  }
}

/** Linux: DMI ids from sysfs (UUID and serials need root), MACs of adapters backed by a device. */
export async function linuxHardwareFacts(fs: HostFs, sysRoot = '/sys'): Promise<IdentityFacts> {
  const dmi = (name: string): Promise<string | undefined> =>
    readSys(fs, `${sysRoot}/class/dmi/id/${name}`);
  const macs: string[] = [];
  try {
    for (const nic of await fs.readdir(`${sysRoot}/class/net`)) {
      const hasDevice = await fs.readdir(`${sysRoot}/class/net/${nic}/device`).then(
        () => true,
        () => false,
      );
      const mac = hasDevice ? await readSys(fs, `${sysRoot}/class/net/${nic}/address`) : undefined;
      if (mac !== undefined) macs.push(mac);
    }
  } catch {
    // no sysfs: the fingerprint uses what remains
  }
  return prune({
    systemUuid: await dmi('product_uuid'),
    boardSerial: await dmi('board_serial'),
    systemSerial: await dmi('product_serial'),
    manufacturer: await dmi('sys_vendor'),
    model: await dmi('product_name'),
    macs,
  });
}
