/**
 * Types of the inbox, free of Node imports so the renderer can import them (through the contract).
 */
import type { HelpedCategory } from '../visits/schema.js';
import type { DeskFilter, MachineRow } from './records.js';

export type * from './records.js';

/** How to group the totals. */
export type GroupBy = 'province' | 'commune' | 'intern' | 'month' | 'quarter' | 'year';

/** Totals of one group: the desk's indicators over the group's visits (`desk.ts`). */
export type AggregateRow = {
  key: string;
  visits: number;
  communes: number;
  machines: number;
  problems: number;
  openItems: number;
  fixes: number;
  pcsFixed: number;
  printersFixed: number;
  people: number;
  peopleByCategory: Record<HelpedCategory, number>;
  daysOnSite: number;
  hoursOnSite: number;
  certsExpired: number;
  certs90: number;
  outOfSupport: number;
  printersLow: number;
  /** Visits sealed by a key not enrolled (included unless `trustedOnly`, shown marked). */
  untrusted: number;
};

/** The aggregate of the inbox. */
export type Aggregate = Readonly<{
  groupBy: GroupBy;
  now: string;
  rows: AggregateRow[];
  total: AggregateRow;
  certificates: readonly MachineRow[];
  outOfSupport: readonly MachineRow[];
}>;

/** Filters of an aggregate. */
export type AggregateFilter = DeskFilter;
