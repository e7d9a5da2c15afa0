/**
 * Probe settings that come from data the supervisor or the province supplies: the root list
 * (`<data folder>/vn-roots.json` and the province pack's roots over the built-in list). Only
 * set when there is such data, so the probes' own default (the built-in list) stays the rule.
 */
import type { ProbeSettings, VnRoot } from '../../../diagnostics/types.js';
import type { ServiceEnv } from '../env.js';
import { dataFolderRoots, mergeRoots } from './derive.js';
import { readPack } from './store.js';

/** `{ vnRoots }` when the data folder or the province pack adds roots, else `{}`. */
export async function provinceProbeSettings(
  env: Pick<ServiceEnv, 'dataDir'>,
): Promise<Pick<ProbeSettings, 'vnRoots'>> {
  const [folder, pack] = await Promise.all([dataFolderRoots(env.dataDir), readPack(env.dataDir)]);
  const fromPack = pack?.pack.roots ?? [];
  if (folder.length === 0 && fromPack.length === 0) return {};
  return { vnRoots: mergeRoots(folder, fromPack) };
}

/** The roots the data folder and the province pack add (not the built-in ones). */
export async function addedRoots(env: Pick<ServiceEnv, 'dataDir'>): Promise<VnRoot[]> {
  const [folder, pack] = await Promise.all([dataFolderRoots(env.dataDir), readPack(env.dataDir)]);
  return [...folder, ...(pack?.pack.roots ?? [])];
}
