/**
 * The one contract of the app: every request any door (Electron IPC, CLI, web) can make.
 * Each domain declares its channels in its own `contract.ts`; this file only joins them.
 * Imported by the renderer as types only, and by the preload for the channel names.
 */
import type { ApiOf, BridgeApiOf } from './define.js';
import { appContract } from './app/contract.js';
import { captureContract } from './capture/contract.js';
import { checklistsContract } from './checklists/contract.js';
import { diagnosticsContract } from './diagnostics/contract.js';
import { dossierContract } from './dossier/contract.js';
import { visitsContract } from './visits/contract.js';
import { reportsContract } from './reports/contract.js';
import { inboxContract } from './inbox/contract.js';
import { networkContract } from './network/contract.js';
import { printersContract } from './printers/contract.js';
import { provinceContract } from './province/contract.js';
import { scanContract } from './scan/contract.js';
import { sendQueueContract } from './send-queue/contract.js';

export const contract = {
  ...appContract,
  ...captureContract,
  ...checklistsContract,
  ...diagnosticsContract,
  ...visitsContract,
  ...reportsContract,
  ...inboxContract,
  ...networkContract,
  ...printersContract,
  ...provinceContract,
  ...scanContract,
  ...dossierContract,

  ...sendQueueContract,
};

export type Contract = typeof contract;
export type ChannelName = keyof Contract;

/** The API the renderer talks to, in Electron (`window.xaso`) and in web mode alike. */
export type XasoApi = ApiOf<Contract>;

/** What the Electron preload exposes as `window.xaso` (see `BridgeApiOf`). */
export type XasoBridge = BridgeApiOf<Contract>;

/** Names of every channel, in a stable order. */
export const channelNames = Object.keys(contract) as ChannelName[];
