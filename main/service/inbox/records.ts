/**
 * Records of the inbox and the desk, free of Node imports so the renderer can import them
 * (through the contract).
 */
import type { LocalText } from '../define.js';
import type { HelpedCategory, ProblemKind } from '../visits/schema.js';

/** How a key came into the supervisor's list. */
export type EnrolmentSource = 'key-file' | 'fingerprint' | 'qr';

/**
 * One intern's key, enrolled ahead by the supervisor. The name is the supervisor's, never read
 * from a file. A key enrolled by fingerprint has no PEM until its first file arrives (the file's
 * key must hash to the fingerprint).
 */
export type EnrolledKey = Readonly<{
  keyId: string;
  /** The intern's name, typed or chosen by the supervisor. */
  name: string;
  publicKeyPem?: string | undefined;
  source: EnrolmentSource;
  enrolledAt: string;
}>;

/** One certificate seen on a machine. */
export type CertFact = Readonly<{ title: string; notAfter: string }>;

/** One problem check of a machine (a `warn`/`fail` nothing blocks, `diagnostics/findings.ts`). */
export type ProblemFact = Readonly<{
  checkId: string;
  area: string;
  title: string;
  status: 'warn' | 'fail';
}>;

/** What one machine looked like on one visit. */
export type MachineFacts = Readonly<{
  /** The machine's identity within a commune: `tag:<asset tag>` when given, else `fp:<fingerprint>`. */
  key: string;
  hostname: string;
  assetTag?: string | undefined;
  os: string;
  takenAt: string;
  tally: Readonly<{
    problems: number;
    affected: number;
    unknown: number;
    notApplicable: number;
    ok: number;
  }>;
  problems: readonly ProblemFact[];
  certificates: readonly CertFact[];
  outOfSupport: boolean;
  printersLow: readonly string[];
}>;

/** An open item as a visit records it (carried-over items keep their id). */
export type OpenItemFact = Readonly<{
  id: string;
  text: string;
  done: boolean;
  due?: string | undefined;
}>;

/** People helped, from a typed entry or from a completed checklist run that declares `counts`. */
export type HelpedFact = Readonly<{
  category: HelpedCategory;
  role: 'official' | 'citizen';
  count: number;
  source: 'typed' | 'checklist';
}>;

/** What a visit contributes to the desk, extracted once at import time. */
export type VisitFacts = Readonly<{
  visitId: string;
  commune: string;
  province: string;
  /** Day on site, YYYY-MM-DD. */
  date: string;
  /** Minutes on site (`timeSpentMinutes`, else left − arrived), when known. */
  minutes?: number | undefined;
  interns: readonly string[];
  machines: readonly MachineFacts[];
  /** Problems the intern typed in (not from checks). */
  typedProblems: readonly Readonly<{ kind: ProblemKind; text: string }>[];
  fixes: Readonly<{ total: number; pcs: number; printers: number }>;
  openItems: readonly OpenItemFact[];
  people: readonly HelpedFact[];
  checklists: Readonly<{ completed: number; total: number }>;
  assessment?: Readonly<{ text: string; by?: string | undefined }> | undefined;
}>;

/** How far the supervisor trusts the key that signed a visit. */
export type Trust = 'enrolled' | 'unknown';

/** Status of one imported file. */
export type ImportStatus =
  | 'accepted'
  | 'unknown-key'
  | 'duplicate'
  | 'older'
  | 'conflict'
  | 'refused'
  | 'tampered'
  | 'unchanged';

/** One visit in the inbox, as listed: who, where, when, sealed by which key. */
export type InboxListItem = Readonly<{
  visitId: string;
  fileName: string;
  importedAt: string;
  exportedAt: string;
  keyId: string;
  trust: Trust;
  signer?: string | undefined;
  facts: Pick<VisitFacts, 'commune' | 'province' | 'date' | 'interns'>;
}>;

/** One visit in the inbox with all its facts (without its bytes). */
export type InboxEntry = Readonly<{
  visitId: string;
  digest: string;
  fileName: string;
  importedAt: string;
  exportedAt: string;
  keyId: string;
  trust: Trust;
  /** The enrolled name of the key (the supervisor's), when enrolled. */
  signer?: string | undefined;
  facts: VisitFacts;
}>;

/** The verdict on one imported file. */
export type ImportVerdict = Readonly<{
  name: string;
  status: ImportStatus;
  reason: LocalText;
  visitId?: string;
  commune?: string;
  province?: string;
  date?: string;
  keyId?: string;
  signer?: string;
}>;

/** A visit id seen under one key arriving signed by another: held apart for the supervisor. */
export type Conflict = Readonly<{
  id: number;
  visitId: string;
  /** Key of the visit kept in the inbox. */
  keptKeyId: string;
  keptSigner?: string | undefined;
  /** Key of the file held apart. */
  heldKeyId: string;
  heldSigner?: string | undefined;
  fileName: string;
  receivedAt: string;
  exportedAt: string;
  commune: string;
  date: string;
  status: 'open' | 'kept-existing' | 'kept-incoming';
  decidedAt?: string | undefined;
}>;

/** One line of the import log. */
export type ImportLogEntry = Readonly<{
  at: string;
  fileName: string;
  fileHash?: string | undefined;
  status: ImportStatus;
  reason: LocalText;
  visitId?: string | undefined;
  keyId?: string | undefined;
}>;

/** Filters of every desk query. Dates are YYYY-MM-DD, inclusive. */
export type DeskFilter = Readonly<{
  from?: string | undefined;
  to?: string | undefined;
  commune?: string | undefined;
  intern?: string | undefined;
  province?: string | undefined;
  trustedOnly?: boolean | undefined;
}>;

/**
 * A figure with the visits behind it (drill-down). A desk asked for without its ids (`inbox:desk
 * {ids: false}`, what the desk page asks) gives `visits: []` and a `ref` that `inbox:drill`
 * turns into the ids.
 */
export type Figure = Readonly<{ value: number; visits: readonly string[]; ref?: string }>;

/** The programme indicators over the filtered visits (how each is counted: README). */
export type Indicators = Readonly<{
  visits: Figure;
  communesVisited: Figure;
  machines: Figure;
  problems: Figure;
  openItems: Figure;
  fixes: Figure;
  pcsFixed: Figure;
  printersFixed: Figure;
  peopleHelped: Figure;
  peopleByCategory: Readonly<Record<HelpedCategory, Figure>>;
  daysOnSite: Figure;
  hoursOnSite: Figure;
  certificatesExpiring90: Figure;
  certificatesExpired: Figure;
  outOfSupport: Figure;
  printersLow: Figure;
  untrusted: Figure;
}>;

export type WeekRow = Readonly<{ week: string; visits: Figure; people: Figure }>;
export type CauseRow = Readonly<{ area: string; title: string; count: Figure }>;
export type AgeRow = Readonly<{ bucket: '0-7' | '8-30' | '31-90' | '90+'; count: Figure }>;
export type MonthRow = Readonly<{ month: string; count: Figure }>;
export type OpenItemRow = Readonly<{
  commune: string;
  id: string;
  text: string;
  since: string;
  days: number;
  due?: string | undefined;
  visitId: string;
}>;
export type CommuneRow = Readonly<{
  commune: string;
  province: string;
  visits: Figure;
  lastVisit?: string | undefined;
  openItems: number;
  machines: number;
  problems: number;
  people: number;
  assessments: readonly Readonly<{ date: string; text: string; by?: string | undefined }>[];
}>;
export type InternRow = Readonly<{
  /** The name: the supervisor's (enrolled key) or, for an intern listed in a visit, as written. */
  name: string;
  keyId?: string | undefined;
  /** Visits as shares: a visit of n interns counts 1/n for each. */
  visits: number;
  people: number;
  hours: number;
  lastReport?: string | undefined;
  daysSinceReport?: number | undefined;
  visitIds: readonly string[];
  /** Without ids: what `inbox:drill` takes for `visitIds` (see `Figure.ref`). */
  ref?: string;
}>;
export type MachineRow = Readonly<{
  commune: string;
  machine: string;
  detail: string;
  days?: number | undefined;
  visitId: string;
}>;

/** Everything the desk shows, in one answer. */
export type Desk = Readonly<{
  now: string;
  filter: DeskFilter;
  indicators: Indicators;
  weeks: readonly WeekRow[];
  causes: readonly CauseRow[];
  openByAge: readonly AgeRow[];
  openItems: readonly OpenItemRow[];
  certificatesByMonth: readonly MonthRow[];
  certificates: readonly MachineRow[];
  outOfSupport: readonly MachineRow[];
  communes: readonly CommuneRow[];
  communesWithoutVisit: readonly string[];
  interns: readonly InternRow[];
  internsWithoutReport: readonly InternRow[];
  staleDays: number;
  /** Filter choices. */
  choices: Readonly<{ communes: readonly string[]; interns: readonly string[] }>;
}>;
