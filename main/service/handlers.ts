import type { Handlers } from './define.js';
import { withProbeSettings, type ServiceEnv } from './env.js';
import type { Contract } from './contract.js';
import { appHandlers } from './app/handlers.js';
import { captureHandlers } from './capture/handlers.js';
import { checklistsHandlers } from './checklists/handlers.js';
import { diagnosticsHandlers } from './diagnostics/handlers.js';
import { dossierHandlers } from './dossier/handlers.js';
import { visitsHandlers } from './visits/handlers.js';
import { reportsHandlers } from './reports/handlers.js';
import { inboxHandlers } from './inbox/handlers.js';
import { networkHandlers } from './network/handlers.js';
import { printersHandlers } from './printers/handlers.js';
import { provinceHandlers } from './province/handlers.js';
import { scanHandlers } from './scan/handlers.js';
import { sendQueueHandlers } from './send-queue/handlers.js';

/**
 * Joins every domain's handlers. The type makes a missing handler a compile error. Every
 * domain sees the same host (`env.host`, with `env.diagnostics.settings` merged in here, once).
 */
export function createHandlers(given: ServiceEnv): Handlers<Contract> {
  const env = withProbeSettings(given);
  return {
    ...appHandlers(env),
    ...captureHandlers(env),
    ...checklistsHandlers(env),
    ...diagnosticsHandlers(env),
    ...visitsHandlers(env),
    ...reportsHandlers(env),
    ...inboxHandlers(env),
    ...networkHandlers(env),
    ...printersHandlers(env),
    ...provinceHandlers(env),
    ...scanHandlers(env),
    ...dossierHandlers(env),

    ...sendQueueHandlers(env),
  };
}
