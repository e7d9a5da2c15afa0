/**
 * The storage interface of the supervisor's inbox, engine-neutral: the embedded database
 * (`sqlite-store.ts`, `node:sqlite`) and the PostgreSQL server implement the same async
 * interface. No engine types here; everything in and out is plain data.
 *
 * Rules every engine keeps (tested in tests/main/service/inbox/):
 * - A visit id belongs to the key it was first seen under. `putVisit` replaces a visit only for
 *   the same key; a file of another key goes to `addConflict`, never over the kept visit.
 * - The store keeps the file's bytes verbatim (`raw`), so the database can be rebuilt from the
 *   files or the files from the database, and any visit reopened and verified again.
 * - Figures are never computed by the engine: `deskRows()` returns the latest rows and the shared
 *   pure functions of `desk.ts` compute every figure, so both engines give the same numbers.
 */
import type {
  Conflict,
  DeskFilter,
  EnrolledKey,
  ImportLogEntry,
  ImportStatus,
  InboxEntry,
  InboxListItem,
  VisitFacts,
} from './records.js';

/** One visit as stored: its verbatim bytes, parsed facts, key and verdict. */
export type VisitRecord = Readonly<{
  visitId: string;
  keyId: string;
  /** SHA-256 of the payload (the envelope's digest). */
  digest: string;
  /** SHA-256 (hex) of the file's bytes, for incremental import. */
  fileHash: string;
  fileName: string;
  /** The envelope's `exportedAt`, an ISO timestamp, and the same in epoch milliseconds. */
  exportedAt: string;
  exportedAtMs: number;
  importedAt: string;
  /** The file as received (UTF-8 JSON). */
  raw: Uint8Array;
  facts: VisitFacts;
  /** `accepted` (enrolled key) or `unknown-key` (kept, shown marked, left out when trusted only). */
  verdict: Extract<ImportStatus, 'accepted' | 'unknown-key'>;
}>;

/** A visit without its bytes (lists, desk). */
export type VisitRow = Omit<VisitRecord, 'raw'>;

/** A file already read from a folder: skipped on the next import when size and mtime match. */
export type SeenFile = Readonly<{
  path: string;
  size: number;
  mtimeMs: number;
  fileHash: string;
  status: ImportStatus;
}>;

/** A file held apart as a conflict, with its bytes. */
export type ConflictRecord = Omit<
  Conflict,
  'id' | 'status' | 'decidedAt' | 'keptSigner' | 'heldSigner'
> &
  Readonly<{
    raw: Uint8Array;
    facts: VisitFacts;
    digest: string;
    fileHash: string;
    exportedAtMs: number;
  }>;

/** The programme's communes as the supervisor lists them (for "communes without a visit"). */
export type ProgrammeCommune = Readonly<{ name: string; province: string }>;

/**
 * What the desk reads from every visit whatever the filter: the communes seen (sorted), the
 * interns listed in visits, and the day of the newest visit per key.
 */
export type DeskRoster = Readonly<{
  communes: readonly string[];
  interns: readonly string[];
  lastByKey: Readonly<Record<string, string>>;
}>;

/**
 * What the desk functions read: the visit rows and the roster (keys, communes). `visits` is every
 * visit, or, when `roster` is given, at least those the filter asked for (an engine may select
 * them itself); the desk applies the filter either way.
 */
export type DeskRows = Readonly<{
  visits: readonly VisitRow[];
  keys: readonly EnrolledKey[];
  communes: readonly ProgrammeCommune[];
  roster?: DeskRoster;
}>;

/** The inbox storage. Every method is async so a server engine can implement it. */
export interface InboxStore {
  /** `sqlite` or `postgres`; shown in diagnostics. */
  readonly engine: string;
  /** Applies pending migrations; returns the schema version now in force. */
  migrate(): Promise<number>;
  close(): Promise<void>;
  /** Runs `fn` in one transaction (all of it or nothing). */
  transaction<T>(fn: () => Promise<T>): Promise<T>;

  // Visits
  getVisit(visitId: string): Promise<VisitRecord | undefined>;
  /** Key, digest and export time of a visit without its bytes or facts (optional fast path of the import). */
  headOf?(
    visitId: string,
  ): Promise<{ keyId: string; digest: string; exportedAtMs: number } | undefined>;
  /** Inserts or replaces the visit of this id (the caller has checked key and order). */
  putVisit(record: VisitRecord): Promise<void>;
  removeVisit(visitId: string): Promise<void>;
  listVisits(): Promise<VisitRow[]>;
  countVisits(): Promise<number>;
  /** Drops every visit, conflict, seen file and log line (rebuild); keys and communes stay. */
  clearVisits(): Promise<void>;

  // Files already read (incremental import)
  getSeenFile(path: string): Promise<SeenFile | undefined>;
  putSeenFile(file: SeenFile): Promise<void>;

  // Keys enrolled by the supervisor
  listKeys(): Promise<EnrolledKey[]>;
  getKey(keyId: string): Promise<EnrolledKey | undefined>;
  putKey(key: EnrolledKey): Promise<void>;
  removeKey(keyId: string): Promise<boolean>;

  // Conflicts
  addConflict(conflict: ConflictRecord): Promise<number>;
  listConflicts(): Promise<Conflict[]>;
  getConflict(id: number): Promise<HeldConflict | undefined>;
  decideConflict(id: number, status: 'kept-existing' | 'kept-incoming', at: string): Promise<void>;

  // Import log
  log(entries: readonly ImportLogEntry[]): Promise<void>;
  listLog(limit: number): Promise<ImportLogEntry[]>;

  // Programme roster
  listCommunes(): Promise<ProgrammeCommune[]>;
  setCommunes(communes: readonly ProgrammeCommune[]): Promise<void>;

  /**
   * The rows every desk figure is computed from (`desk.ts`). An engine may return the same object
   * while nothing changed: the desk then reuses figures it computed from it. Given a filter, an
   * engine may return only the visits it can match (with the `roster` of every visit).
   */
  deskRows(filter?: DeskFilter): Promise<DeskRows>;
  /**
   * Optional: a desk base (`desk.ts`, the figures that do not depend on the date) kept under
   * `key` since the last write, from memory or from the database; `keepDeskBase` keeps one
   * (`durable`: in the database too, so the next process opens the desk without computing it),
   * unless a write came after `from` (the rows it was computed from) was read. Every write forgets
   * them, and so does a write by another process.
   */
  deskBase?(key: string): Promise<unknown>;
  keepDeskBase?(key: string, base: unknown, durable: boolean, from: DeskRows): Promise<void>;
  /**
   * Optional: a page of the inbox's list without reading the facts (`listPage` over `listOf`
   * gives the same): newest first from `offset`, or the visits of `ids` in their order.
   */
  listItems?(page: ListRequest): Promise<{ total: number; items: InboxListItem[] }>;
}

/** The inbox's list, light (10,000 visits stay a small answer), newest first (then by id, last first). */
export function listOf(rows: readonly VisitRow[], keys: readonly EnrolledKey[]): InboxListItem[] {
  const byId = new Map(keys.map((k) => [k.keyId, k]));
  return rows
    .map((r) => listItemOf(r, r.facts, byId.get(r.keyId)))
    .sort((a, b) =>
      a.facts.date < b.facts.date
        ? 1
        : a.facts.date > b.facts.date
          ? -1
          : a.visitId < b.visitId
            ? 1
            : a.visitId > b.visitId
              ? -1
              : 0,
    );
}

/** One line of the list: a visit's head and the facts it shows, trusted when its key is enrolled. */
export function listItemOf(
  head: Pick<VisitRow, 'visitId' | 'fileName' | 'importedAt' | 'exportedAt' | 'keyId'>,
  facts: InboxListItem['facts'],
  key: EnrolledKey | undefined,
): InboxListItem {
  const { commune, province, date, interns } = facts;
  return {
    visitId: head.visitId,
    fileName: head.fileName,
    importedAt: head.importedAt,
    exportedAt: head.exportedAt,
    keyId: head.keyId,
    trust: key === undefined ? 'unknown' : 'enrolled',
    ...(key === undefined ? {} : { signer: key.name }),
    facts: { commune, province, date, interns },
  };
}

/** A held-apart file as `getConflict` gives it (its bytes and facts). */
export type HeldConflict = Conflict &
  Readonly<{
    raw: Uint8Array;
    facts: VisitFacts;
    digest: string;
    fileHash: string;
    exportedAtMs: number;
  }>;

/** The visit a held-apart file becomes when the supervisor keeps it (both engines' decisions). */
export function keptVisitOf(
  conflict: HeldConflict,
  importedAt: string,
  verdict: VisitRecord['verdict'],
): VisitRecord {
  return {
    visitId: conflict.visitId,
    keyId: conflict.heldKeyId,
    digest: conflict.digest,
    fileHash: conflict.fileHash,
    fileName: conflict.fileName,
    exportedAt: conflict.exportedAt,
    exportedAtMs: conflict.exportedAtMs,
    importedAt,
    raw: conflict.raw,
    facts: conflict.facts,
    verdict,
  };
}

/** What a page of the list asks for. */
export type ListRequest = Readonly<{
  ids?: readonly string[] | undefined;
  offset: number;
  limit: number;
}>;

/** A page of a whole list (engines without `listItems`): ids in their order, else newest first. */
export function listPage(
  all: readonly InboxListItem[],
  page: ListRequest,
): { total: number; items: InboxListItem[] } {
  if (page.ids !== undefined) {
    const byId = new Map(all.map((i) => [i.visitId, i]));
    const found = page.ids.flatMap((id) => byId.get(id) ?? []);
    return { total: found.length, items: found.slice(page.offset, page.offset + page.limit) };
  }
  return { total: all.length, items: all.slice(page.offset, page.offset + page.limit) };
}

/** Inbox entries with all their facts, from rows and keys (shared by both engines). */
export function entriesOf(rows: readonly VisitRow[], keys: readonly EnrolledKey[]): InboxEntry[] {
  const byId = new Map(keys.map((k) => [k.keyId, k]));
  return rows.map((r) => {
    const key = byId.get(r.keyId);
    return {
      visitId: r.visitId,
      digest: r.digest,
      fileName: r.fileName,
      importedAt: r.importedAt,
      exportedAt: r.exportedAt,
      keyId: r.keyId,
      trust: key === undefined ? 'unknown' : 'enrolled',
      ...(key === undefined ? {} : { signer: key.name }),
      facts: r.facts,
    };
  });
}
