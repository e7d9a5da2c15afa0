import type { Handlers } from '../define.js';
import type { ServiceEnv } from '../env.js';
import type { appContract } from './contract.js';

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
  };
}
