/**
 * Printers as every backend (CUPS, Windows, a network printer over IPP) describes them.
 */
import type { LocalText } from '../types.js';

/** The printer's state, normalised across CUPS, IPP and Windows. */
export type PrinterState = 'idle' | 'printing' | 'stopped' | 'offline' | 'error' | 'unknown';

/**
 * A consumable (toner, ink, drum…) with its level in percent (-1 = unknown); for a waste container,
 * the room left (RFC 3805).
 */
export type Supply = Readonly<{ name: string; type: string; levelPercent: number; color?: string }>;

/** A job waiting or printing. */
export type PrintJob = Readonly<{
  id: number;
  name?: string;
  user?: string;
  state: string;
  submittedAt?: string;
  pages?: number;
}>;

/** A known fault, explained with the fix. */
export type PrinterFault = Readonly<{
  code: string;
  severity: 'warn' | 'fail';
  text: LocalText;
  fix: LocalText;
}>;

/** One printer. */
export type PrinterInfo = Readonly<{
  name: string;
  source: 'cups' | 'windows' | 'ipp' | 'snmp';
  state: PrinterState;
  /** Raw IPP/CUPS keywords or Windows status names. */
  stateReasons: readonly string[];
  stateMessage?: string;
  makeModel?: string;
  driver?: string;
  /** Device URI (CUPS), port name (Windows) or the IPP URI queried. */
  port?: string;
  /** Host of a network printer behind the port, when there is one. */
  networkHost?: string;
  isDefault?: boolean;
  shared?: boolean;
  acceptingJobs?: boolean;
  jobs: readonly PrintJob[];
  /** Consumables (toner, ink, drum…); never waste containers. */
  supplies?: readonly Supply[];
  /** Waste toner/ink containers, kept apart: their level is the room left, not a supply. */
  wasteContainers?: readonly Supply[];
  faults: readonly PrinterFault[];
}>;

/** What the test page did: the job, followed to its end or until the limit. */
export type TestPageResult = Readonly<{
  printer: string;
  jobId?: number;
  /** `completed` only when the printer said so; `submitted` when it could not be followed. */
  outcome: 'completed' | 'submitted' | 'failed' | 'timeout';
  finalState?: string;
  durationMs: number;
  detail: LocalText;
}>;

/** One step of a repair (clear queue, restart spooler), as it was done. */
export type RepairAction = Readonly<{ what: LocalText; ok: boolean; detail?: string }>;

/** The account of a repair. */
export type RepairReport = Readonly<{
  actions: readonly RepairAction[];
  jobsBefore?: number;
  jobsAfter?: number;
}>;
