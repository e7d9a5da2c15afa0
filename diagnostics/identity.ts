/**
 * The machine's identity for the snapshot: hostname, make/model and a hardware fingerprint that
 * survives reinstalling Windows (firmware UUID and serials, else physical MACs).
 */
import { assertNever } from './assert-never.js';
import { fingerprintOf } from './identity-fingerprint.js';
import { linuxHardwareFacts } from './identity-linux.js';
import type { IdentityFacts } from './identity-types.js';
import { windowsHardwareFacts } from './identity-win32.js';
import type { MachineIdentity, ProbeContext } from './types.js';

export type { IdentityFacts } from './identity-types.js';
export { linuxHardwareFacts } from './identity-linux.js';
export { windowsHardwareFacts } from './identity-win32.js';

/** The hardware facts of `ctx.platform`. */
function hardwareFacts(ctx: ProbeContext, signal?: AbortSignal): Promise<IdentityFacts> {
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
