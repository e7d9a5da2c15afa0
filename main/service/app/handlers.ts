import type { Handlers } from '../define.js';
import type { ServiceEnv } from '../env.js';
import type { AppState, appContract } from './contract.js';
import { MAX_ASSET_TAGS, readSettings, writeSettings, type AppSettings } from './settings.js';

function stateOf(settings: AppSettings, fingerprint?: string): AppState {
  const tag = fingerprint === undefined ? undefined : settings.assetTags[fingerprint];
  return {
    ...(settings.activeVisitId === undefined ? {} : { activeVisitId: settings.activeVisitId }),
    ...(tag === undefined ? {} : { assetTag: tag }),
  };
}

/** Handlers of the `app:*` channels. */
export function appHandlers(env: ServiceEnv): Handlers<typeof appContract> {
  return {
    'app:info': async () => ({
      name: 'xaso',
      version: env.version,
      platform: env.platform,
      arch: env.arch,
      nodeVersion: env.nodeVersion,
      dataDir: env.dataDir,
      portable: env.portable,
      door: env.door,
    }),
    'app:state': async ({ fingerprint }) => stateOf(await readSettings(env.dataDir), fingerprint),
    'app:set-active-visit': async ({ visitId }) => {
      const settings = await readSettings(env.dataDir);
      const { activeVisitId: _, ...rest } = settings;
      const next: AppSettings = visitId === null ? rest : { ...rest, activeVisitId: visitId };
      await writeSettings(env.dataDir, next);
      return stateOf(next);
    },
    'app:remember-asset-tag': async ({ fingerprint, assetTag }) => {
      const settings = await readSettings(env.dataDir);
      // Bounded: the oldest entries go first when the map is full.
      const others = Object.entries(settings.assetTags).filter(([k]) => k !== fingerprint);
      const entries = [...others, [fingerprint, assetTag] as const].slice(-MAX_ASSET_TAGS);
      const next: AppSettings = { ...settings, assetTags: Object.fromEntries(entries) };
      await writeSettings(env.dataDir, next);
      return stateOf(next, fingerprint);
    },
  };
}
