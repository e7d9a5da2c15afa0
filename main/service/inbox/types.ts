/**
 * Types of the inbox, free of Node imports so the renderer can import them (through the contract).
 */
import type { LocalText } from '../define.js';

/** One trusted key in the supervisor's list. */
export type TrustedKey = {
  keyId: string;
  publicKeyPem: string;
  label: string;
  addedAt: string;
  /** `imported` from the intern's key file, or trusted on `first-use` (weaker: shown marked). */
  source: 'imported' | 'first-use';
};

/** One certificate seen on a machine. */
export type CertFact = Readonly<{ machine: string; title: string; notAfter: string }>;

/** What a visit contributes to the aggregates. */
export type VisitFacts = Readonly<{
  visitId: string;
  commune: string;
  province: string;
  date: string;
  interns: readonly string[];
  machines: number;
  findingsByKind: Readonly<Record<string, number>>;
  fixes: number;
  openItems: number;
  people: Readonly<{ official: number; citizen: number }>;
  certificates: readonly CertFact[];
  outOfSupport: readonly Readonly<{ machine: string; os: string }>[];
  printersLow: readonly Readonly<{ machine: string; title: string }>[];
}>;

/** How far the supervisor trusts the key that signed an entry. */
export type Trust = 'imported' | 'first-use' | 'unknown';

/** One visit in the inbox. */
export type InboxEntry = Readonly<{
  visitId: string;
  digest: string;
  fileName: string;
  importedAt: string;
  exportedAt: string;
  keyId: string;
  trust: Trust;
  /** Label of the trusted key (the intern's name), when known. */
  signer?: string;
  facts: VisitFacts;
  /** Where the export is kept: batch file in `inbox/batches/` and line (0-based). */
  stored: Readonly<{ batch: string; line: number }>;
}>;

/** The verdict on one imported file. */
export type ImportVerdict = Readonly<{
  name: string;
  status: 'accepted' | 'first-use' | 'unknown-key' | 'duplicate' | 'refused' | 'tampered';
  reason: LocalText;
  visitId?: string;
  commune?: string;
  province?: string;
  date?: string;
  keyId?: string;
  signer?: string;
}>;

/** How to group the totals. */
export type GroupBy = 'province' | 'commune' | 'intern' | 'month' | 'quarter' | 'year';

/** Totals of one group. */
export type AggregateRow = {
  key: string;
  visits: number;
  machines: number;
  findingsByKind: Record<string, number>;
  findings: number;
  fixes: number;
  openItems: number;
  peopleOfficial: number;
  peopleCitizen: number;
  certsExpired: number;
  certs30: number;
  certs60: number;
  certs90: number;
  outOfSupport: number;
  printersLow: number;
  /** Visits whose signing key is not trusted (included in the figures, shown marked). */
  untrusted: number;
};

/** An item of the action lists. */
export type ActionItem = Readonly<{
  province: string;
  commune: string;
  date: string;
  machine: string;
  detail: string;
  days?: number;
}>;

/** The aggregate of the inbox. */
export type Aggregate = Readonly<{
  groupBy: GroupBy;
  now: string;
  rows: AggregateRow[];
  total: AggregateRow;
  certificates: ActionItem[];
  outOfSupport: ActionItem[];
  printersLow: ActionItem[];
}>;

/** Filters of an aggregate. */
export type AggregateFilter = Readonly<{
  from?: string | undefined;
  to?: string | undefined;
  province?: string | undefined;
  trustedOnly?: boolean | undefined;
}>;
