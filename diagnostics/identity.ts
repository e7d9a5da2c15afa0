/**
 * The machine's identity for the snapshot: hostname, make/model and a hardware fingerprint that
 * survives reinstalling Windows (firmware UUID and serials, else physical MACs).
 */
import { assertNever } from './assert-never.js';
import { fingerprintOf, meaningful, type HardwareFacts } from './identity-fingerprint.js';
import type { HostFs, MachineIdentity, ProbeContext } from './types.js';
import { asArray, str } from './windows/powershell.js';
import { windowsSection } from './windows/facts.js';

type Found = HardwareFacts & Readonly<{ manufacturer?: string; model?: string; hostname?: string }>;

async function readSys(fs: HostFs, path: string): Promise<string | undefined> {
  try {
    return meaningful(await fs.readText(path));
  } catch {
    return undefined;
  }
}

/** Linux: DMI ids from sysfs (UUID and serials need root), MACs of adapters backed by a device. */
export async function linuxHardwareFacts(fs: HostFs, sysRoot = '/sys'): Promise<Found> {
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

/** Windows: the batch's `system` and `nics` sections. */
export async function windowsHardwareFacts(
  ctx: ProbeContext,
  signal?: AbortSignal,
): Promise<Found> {
  const system = await windowsSection(ctx, 'system', signal);
  const nics = await windowsSection(ctx, 'nics', signal);
  const sys = system.status === 'ok' ? system.data : undefined;
  const macs =
    nics.status === 'ok' ? asArray(nics.data).map((n) => str(n, 'MacAddress') ?? '') : [];
  return prune({
    systemUuid: str(sys, 'UUID'),
    boardSerial: str(sys, 'BoardSerial'),
    systemSerial: str(sys, 'BiosSerial'),
    manufacturer: meaningful(str(sys, 'Manufacturer')),
    model: meaningful(str(sys, 'Model')),
    hostname: str(sys, 'Name'),
    macs,
  });
}

function prune(value: Record<string, unknown>): Found {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Found;
}

/** The hardware facts of `ctx.platform`. */
function hardwareFacts(ctx: ProbeContext, signal?: AbortSignal): Promise<Found> {
  switch (ctx.platform) {
    case 'win32':
      return windowsHardwareFacts(ctx, signal);
    case 'linux':
    case 'darwin':
      return linuxHardwareFacts(ctx.fs);
    default:
      return assertNever(ctx.platform);
  }
}

/** Collects the identity; `assetTag` is passed through as the intern typed it. */
export async function machineIdentity(
  ctx: ProbeContext,
  options: Readonly<{ assetTag?: string; signal?: AbortSignal }> = {},
): Promise<MachineIdentity & { fingerprintSources: string[] }> {
  const facts = await hardwareFacts(ctx, options.signal);
  const name = facts.hostname ?? ctx.os.hostname();
  const print = fingerprintOf(facts) ?? {
    fingerprint: fingerprintOf({ systemSerial: `host:${name}` })!.fingerprint,
    sources: ['hostname'],
  };
  const identity: MachineIdentity & { fingerprintSources: string[] } = {
    fingerprint: print.fingerprint,
    fingerprintSources: print.sources,
    hostname: name,
    ...(options.assetTag === undefined || options.assetTag.trim() === ''
      ? {}
      : { assetTag: options.assetTag.trim() }),
    ...(facts.manufacturer === undefined ? {} : { manufacturer: facts.manufacturer }),
    ...(facts.model === undefined ? {} : { model: facts.model }),
    ...(facts.systemSerial === undefined ? {} : { serial: facts.systemSerial }),
  };
  return identity;
}
