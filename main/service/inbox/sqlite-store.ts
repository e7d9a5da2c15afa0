/**
 * The inbox's embedded database: `node:sqlite` (built into Node 24 and the Node that Electron
 * embeds; no native addon), one file `<dataDir>/inbox/inbox.sqlite` in a 0700 folder. Plain ANSI
 * SQL only (no sqlite-only functions), so the PostgreSQL engine runs the same statements.
 *
 * Migrations are numbered SQL steps recorded in `schema_migrations`; opening the store applies
 * the missing ones in one transaction.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';

import type { LocalText } from '../define.js';
import { isWhole } from './desk.js';
import type {
  Conflict,
  DeskFilter,
  EnrolledKey,
  ImportLogEntry,
  ImportStatus,
  InboxListItem,
  VisitFacts,
} from './records.js';
import {
  bytesOf,
  conflictRowOf,
  conflictValues,
  headOfRow,
  heldConflictOf,
  keyRowOf,
  opt,
  str,
  visitRowOf,
  visitValues,
} from './rows.js';
import type {
  ConflictRecord,
  DeskRows,
  HeldConflict,
  InboxStore,
  ProgrammeCommune,
  SeenFile,
  VisitRecord,
  VisitRow,
} from './store-types.js';
import { type ListRequest, listItemOf, listOf, listPage } from './store-types.js';

/** The schema, one step per version. Never edit a released step: add one. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE visits (
     visit_id VARCHAR(64) PRIMARY KEY,
     key_id VARCHAR(16) NOT NULL,
     digest VARCHAR(64) NOT NULL,
     file_hash VARCHAR(64) NOT NULL,
     file_name VARCHAR(1000) NOT NULL,
     exported_at VARCHAR(40) NOT NULL,
     exported_at_ms BIGINT NOT NULL,
     imported_at VARCHAR(40) NOT NULL,
     verdict VARCHAR(20) NOT NULL,
     facts TEXT NOT NULL,
     raw BLOB NOT NULL
   );
   CREATE TABLE seen_files (
     path VARCHAR(4096) PRIMARY KEY,
     size BIGINT NOT NULL,
     mtime_ms DOUBLE PRECISION NOT NULL,
     file_hash VARCHAR(64) NOT NULL,
     status VARCHAR(20) NOT NULL
   );
   CREATE TABLE enrolled_keys (
     key_id VARCHAR(16) PRIMARY KEY,
     name VARCHAR(300) NOT NULL,
     public_key_pem VARCHAR(1000),
     source VARCHAR(20) NOT NULL,
     enrolled_at VARCHAR(40) NOT NULL
   );
   CREATE TABLE conflicts (
     id INTEGER PRIMARY KEY,
     visit_id VARCHAR(64) NOT NULL,
     kept_key_id VARCHAR(16) NOT NULL,
     held_key_id VARCHAR(16) NOT NULL,
     file_name VARCHAR(1000) NOT NULL,
     received_at VARCHAR(40) NOT NULL,
     exported_at VARCHAR(40) NOT NULL,
     exported_at_ms BIGINT NOT NULL,
     commune VARCHAR(200) NOT NULL,
     visit_date VARCHAR(10) NOT NULL,
     status VARCHAR(20) NOT NULL,
     decided_at VARCHAR(40),
     digest VARCHAR(64) NOT NULL,
     file_hash VARCHAR(64) NOT NULL,
     facts TEXT NOT NULL,
     raw BLOB NOT NULL
   );
   CREATE INDEX conflicts_visit ON conflicts (visit_id, digest);
   CREATE TABLE import_log (
     id INTEGER PRIMARY KEY,
     at VARCHAR(40) NOT NULL,
     file_name VARCHAR(1000) NOT NULL,
     file_hash VARCHAR(64),
     status VARCHAR(20) NOT NULL,
     reason_vi TEXT NOT NULL,
     reason_en TEXT NOT NULL,
     visit_id VARCHAR(64),
     key_id VARCHAR(16)
   );
   CREATE TABLE programme_communes (
     name VARCHAR(200) NOT NULL,
     province VARCHAR(200) NOT NULL,
     PRIMARY KEY (name, province)
   );`,
  // 2: the columns a filtered desk selects by (filled from the facts by BACKFILLS[2]), the
  // interns of each visit, and the desk bases kept until the next write. The new columns come
  // after the bytes in each row, so the indexes hold them: the inbox list and the roster are read
  // from the indexes alone, never through each row's 5 KB of bytes.
  `ALTER TABLE visits ADD COLUMN commune VARCHAR(200) NOT NULL DEFAULT '';
   ALTER TABLE visits ADD COLUMN province VARCHAR(200) NOT NULL DEFAULT '';
   ALTER TABLE visits ADD COLUMN visit_date VARCHAR(10) NOT NULL DEFAULT '';
   ALTER TABLE visits ADD COLUMN interns TEXT NOT NULL DEFAULT '[]';
   CREATE INDEX visits_commune ON visits (commune, visit_date);
   CREATE INDEX visits_key ON visits (key_id, visit_date);
   CREATE INDEX visits_list ON visits (visit_date, visit_id, key_id, file_name, imported_at,
     exported_at, commune, province, interns);
   CREATE TABLE visit_interns (
     visit_id VARCHAR(64) NOT NULL,
     name VARCHAR(300) NOT NULL,
     PRIMARY KEY (visit_id, name)
   );
   CREATE INDEX visit_interns_name ON visit_interns (name);
   CREATE TABLE desk_bases (
     filter_key VARCHAR(2000) PRIMARY KEY,
     computed_at VARCHAR(40) NOT NULL,
     base TEXT NOT NULL
   );`,
];

/** Steps that fill new columns from what is stored, run right after the migration of that number. */
const BACKFILLS: Readonly<Record<number, (store: SqliteInboxStore) => void>> = {
  2: (store) => store.backfillColumns(),
};

/** The desk bases kept in the database at most (each is one filter's or grouping's, 2–4 MB). */
const DURABLE_BASES = 8;

type Dict = Record<string, SQLInputValue>;

/** The inbox in one SQLite file. */
export class SqliteInboxStore implements InboxStore {
  readonly engine = 'sqlite';
  private readonly db: DatabaseSync;
  private chain: Promise<unknown> = Promise.resolve();
  /**
   * Parsed desk rows, read once, then kept up to date by the writes that go through this store
   * (a visit put or removed updates its row; keys and communes are re-read). Dropped when a
   * transaction fails, so it never shows what was rolled back.
   */
  private cache:
    | { visits: Map<string, VisitRow>; keys?: EnrolledKey[]; communes?: ProgrammeCommune[] }
    | undefined;

  constructor(readonly file: string) {
    if (file !== ':memory:') {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      if (process.platform !== 'win32') chmodSync(path.dirname(file), 0o700);
    }
    this.db = new DatabaseSync(file);
    this.db.exec(
      'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON',
    );
    if (file !== ':memory:' && process.platform !== 'win32') chmodSync(file, 0o600);
  }

  /** Prepared statements, by text: an import of 10,000 files runs the same few 10,000 times. */
  private readonly statements = new Map<string, StatementSync>();

  private statement(sql: string): StatementSync {
    let st = this.statements.get(sql);
    if (st === undefined) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  private all(sql: string, ...params: SQLInputValue[]): Dict[] {
    return this.statement(sql).all(...params) as Dict[];
  }

  private get(sql: string, ...params: SQLInputValue[]): Dict | undefined {
    return this.statement(sql).get(...params) as Dict | undefined;
  }

  private run(sql: string, ...params: SQLInputValue[]): void {
    this.statement(sql).run(...params);
  }

  async migrate(): Promise<number> {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)',
    );
    const done = Number(this.get('SELECT MAX(version) AS v FROM schema_migrations')?.['v'] ?? 0);
    if (done > MIGRATIONS.length)
      throw new Error(
        `inbox database schema ${done} is newer than this app knows (${MIGRATIONS.length})`,
      );
    for (let v = done + 1; v <= MIGRATIONS.length; v += 1) {
      this.db.exec('BEGIN');
      try {
        this.db.exec(MIGRATIONS[v - 1]!);
        BACKFILLS[v]?.(this);
        this.run(
          'INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)',
          v,
          new Date().toISOString(),
        );
        this.db.exec('COMMIT');
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw error;
      }
    }
    return MIGRATIONS.length;
  }

  async close(): Promise<void> {
    await this.chain.catch(() => undefined);
    if (this.db.isOpen) this.db.close();
  }

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(async () => {
      this.db.exec('BEGIN');
      try {
        const value = await fn();
        this.db.exec('COMMIT');
        return value;
      } catch (error) {
        this.db.exec('ROLLBACK');
        this.forget();
        throw error;
      }
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  async getVisit(visitId: string): Promise<VisitRecord | undefined> {
    const r = this.get('SELECT * FROM visits WHERE visit_id = ?', visitId);
    return r === undefined ? undefined : { ...visitRowOf(r), raw: bytesOf(r['raw']) };
  }

  /** Key, digest and export time of a visit, without parsing its facts (the import's hot path). */
  async headOf(
    visitId: string,
  ): Promise<{ keyId: string; digest: string; exportedAtMs: number } | undefined> {
    const r = this.get(
      'SELECT key_id, digest, exported_at_ms FROM visits WHERE visit_id = ?',
      visitId,
    );
    return r === undefined ? undefined : headOfRow(r);
  }

  async putVisit(v: VisitRecord): Promise<void> {
    const { raw: _raw, ...row } = v;
    this.changed();
    this.cache?.visits.set(v.visitId, row);
    this.run('DELETE FROM visits WHERE visit_id = ?', v.visitId);
    this.run(
      `INSERT INTO visits (visit_id, key_id, digest, file_hash, file_name, exported_at,
         exported_at_ms, imported_at, verdict, facts, raw, commune, province, visit_date, interns)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ...visitValues(v),
      ...filterValues(v.facts),
    );
    this.putInterns(v.visitId, v.facts.interns);
  }

  private putInterns(visitId: string, interns: readonly string[]): void {
    this.run('DELETE FROM visit_interns WHERE visit_id = ?', visitId);
    for (const name of new Set(interns))
      this.run('INSERT INTO visit_interns (visit_id, name) VALUES (?, ?)', visitId, name);
  }

  /** Migration 2's backfill: the filter columns and interns of every stored visit, from its facts. */
  backfillColumns(): void {
    for (const r of this.db.prepare('SELECT visit_id, facts FROM visits').iterate()) {
      const facts = JSON.parse(str(r['facts'])) as VisitFacts;
      const visitId = str(r['visit_id']);
      this.run(
        'UPDATE visits SET commune = ?, province = ?, visit_date = ?, interns = ? WHERE visit_id = ?',
        ...filterValues(facts),
        visitId,
      );
      this.putInterns(visitId, facts.interns);
    }
  }

  async removeVisit(visitId: string): Promise<void> {
    this.changed();
    this.cache?.visits.delete(visitId);
    this.run('DELETE FROM visits WHERE visit_id = ?', visitId);
    this.run('DELETE FROM visit_interns WHERE visit_id = ?', visitId);
  }

  async listVisits(): Promise<VisitRow[]> {
    return this.all(`SELECT ${VISIT_COLUMNS} FROM visits ORDER BY visit_id`).map(visitRowOf);
  }

  async countVisits(): Promise<number> {
    return Number(this.get('SELECT COUNT(*) AS n FROM visits')?.['n'] ?? 0);
  }

  async clearVisits(): Promise<void> {
    this.changed();
    this.cache = undefined;
    this.db.exec(
      'DELETE FROM visits; DELETE FROM visit_interns; DELETE FROM conflicts; DELETE FROM seen_files; DELETE FROM import_log',
    );
  }

  async getSeenFile(file: string): Promise<SeenFile | undefined> {
    const r = this.get('SELECT * FROM seen_files WHERE path = ?', file);
    return r === undefined
      ? undefined
      : {
          path: str(r['path']),
          size: Number(r['size']),
          mtimeMs: Number(r['mtime_ms']),
          fileHash: str(r['file_hash']),
          status: str(r['status']) as ImportStatus,
        };
  }

  async putSeenFile(f: SeenFile): Promise<void> {
    this.run('DELETE FROM seen_files WHERE path = ?', f.path);
    this.run(
      'INSERT INTO seen_files (path, size, mtime_ms, file_hash, status) VALUES (?, ?, ?, ?, ?)',
      f.path,
      f.size,
      f.mtimeMs,
      f.fileHash,
      f.status,
    );
  }

  async listKeys(): Promise<EnrolledKey[]> {
    return this.all('SELECT * FROM enrolled_keys ORDER BY name, key_id').map(keyRowOf);
  }

  async getKey(keyId: string): Promise<EnrolledKey | undefined> {
    const r = this.get('SELECT * FROM enrolled_keys WHERE key_id = ?', keyId);
    return r === undefined ? undefined : keyRowOf(r);
  }

  async putKey(k: EnrolledKey): Promise<void> {
    this.changed();
    if (this.cache !== undefined) delete this.cache.keys;
    this.run('DELETE FROM enrolled_keys WHERE key_id = ?', k.keyId);
    this.run(
      'INSERT INTO enrolled_keys (key_id, name, public_key_pem, source, enrolled_at) VALUES (?, ?, ?, ?, ?)',
      k.keyId,
      k.name,
      k.publicKeyPem ?? null,
      k.source,
      k.enrolledAt,
    );
  }

  async removeKey(keyId: string): Promise<boolean> {
    this.changed();
    if (this.cache !== undefined) delete this.cache.keys;
    const before = await this.getKey(keyId);
    this.run('DELETE FROM enrolled_keys WHERE key_id = ?', keyId);
    return before !== undefined;
  }

  async addConflict(c: ConflictRecord): Promise<number> {
    const same = this.get(
      'SELECT id FROM conflicts WHERE visit_id = ? AND digest = ?',
      c.visitId,
      c.digest,
    );
    if (same !== undefined) return Number(same['id']);
    this.run(
      `INSERT INTO conflicts (visit_id, kept_key_id, held_key_id, file_name, received_at,
         exported_at, exported_at_ms, commune, visit_date, digest, file_hash, facts, raw, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')`,
      ...conflictValues(c),
    );
    return Number(this.get('SELECT MAX(id) AS id FROM conflicts')?.['id'] ?? 0);
  }

  async listConflicts(): Promise<Conflict[]> {
    return this.all(
      `SELECT id, visit_id, kept_key_id, held_key_id, file_name, received_at, exported_at,
         commune, visit_date, status, decided_at FROM conflicts ORDER BY id`,
    ).map((r) => conflictRowOf(r, 'visit_date'));
  }

  async getConflict(id: number): Promise<HeldConflict | undefined> {
    const r = this.get('SELECT * FROM conflicts WHERE id = ?', id);
    if (r === undefined) return undefined;
    return heldConflictOf(r, 'visit_date');
  }

  async decideConflict(
    id: number,
    status: 'kept-existing' | 'kept-incoming',
    at: string,
  ): Promise<void> {
    this.run('UPDATE conflicts SET status = ?, decided_at = ? WHERE id = ?', status, at, id);
  }

  async log(entries: readonly ImportLogEntry[]): Promise<void> {
    const insert = this.db.prepare(
      `INSERT INTO import_log (at, file_name, file_hash, status, reason_vi, reason_en, visit_id, key_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const e of entries)
      insert.run(
        e.at,
        e.fileName,
        e.fileHash ?? null,
        e.status,
        e.reason.vi,
        e.reason.en,
        e.visitId ?? null,
        e.keyId ?? null,
      );
  }

  async listLog(limit: number): Promise<ImportLogEntry[]> {
    return this.all('SELECT * FROM import_log ORDER BY id DESC LIMIT ?', limit).map((r) => {
      const reason: LocalText = { vi: str(r['reason_vi']), en: str(r['reason_en']) };
      const hash = opt(r['file_hash']);
      const visitId = opt(r['visit_id']);
      const keyId = opt(r['key_id']);
      return {
        at: str(r['at']),
        fileName: str(r['file_name']),
        status: str(r['status']) as ImportStatus,
        reason,
        ...(hash === undefined ? {} : { fileHash: hash }),
        ...(visitId === undefined ? {} : { visitId }),
        ...(keyId === undefined ? {} : { keyId }),
      };
    });
  }

  async listCommunes(): Promise<ProgrammeCommune[]> {
    return this.all('SELECT name, province FROM programme_communes ORDER BY name').map((r) => ({
      name: str(r['name']),
      province: str(r['province']),
    }));
  }

  async setCommunes(communes: readonly ProgrammeCommune[]): Promise<void> {
    this.changed();
    if (this.cache !== undefined) delete this.cache.communes;
    this.run('DELETE FROM programme_communes');
    const seen = new Set<string>();
    for (const c of communes) {
      const key = `${c.name}\u0000${c.province}`;
      if (seen.has(key)) continue;
      seen.add(key);
      this.run('INSERT INTO programme_communes (name, province) VALUES (?, ?)', c.name, c.province);
    }
  }

  /** The last answer of `deskRows()`, the same object until a write: callers may cache on it. */
  private snapshot: DeskRows | undefined;
  /** Desk bases kept since the last write (`deskBase`), by filter key. */
  private bases = new Map<string, unknown>();
  /** The durable desk bases are already gone in this transaction (one DELETE, not 10,000). */
  private basesCleared = false;
  /** `PRAGMA data_version` when this connection last looked: it moves when another one commits. */
  private dataVersion: number | undefined;

  /** Moves on every write and every forget: rows read before it are out of date. */
  private generation = 0;
  /** The generation each `deskRows()` answer was read at. */
  private readAt = new WeakMap<DeskRows, number>();

  /** A write through this store: what was computed from the old rows goes. */
  private changed(): void {
    this.generation += 1;
    this.snapshot = undefined;
    this.bases.clear();
    if (!this.basesCleared) {
      this.run('DELETE FROM desk_bases');
      this.basesCleared = true;
    }
  }

  /** Forgets everything read (a rolled-back transaction, or another process's write). */
  private forget(): void {
    this.generation += 1;
    this.cache = undefined;
    this.snapshot = undefined;
    this.bases.clear();
    this.basesCleared = false;
  }

  /** Drops what this process read when another process (the CLI, a second window) wrote since. */
  private checkOthers(): void {
    const version = Number(this.get('PRAGMA data_version')?.['data_version'] ?? 0);
    if (this.dataVersion !== undefined && version !== this.dataVersion) this.forget();
    this.dataVersion = version;
  }

  async deskRows(filter: DeskFilter = {}): Promise<DeskRows> {
    this.checkOthers();
    if (this.snapshot !== undefined) return this.snapshot;
    // Not the whole programme (a commune, an intern, days): the database selects the visits.
    if (this.cache === undefined && !isWhole(filter)) return this.selectedRows(filter);
    const cache = (this.cache ??= {
      visits: new Map((await this.listVisits()).map((v) => [v.visitId, v])),
    });
    cache.keys ??= await this.listKeys();
    cache.communes ??= await this.listCommunes();
    this.snapshot = {
      visits: [...cache.visits.values()],
      keys: cache.keys,
      communes: cache.communes,
    };
    this.readAt.set(this.snapshot, this.generation);
    return this.snapshot;
  }

  /**
   * The visits a filter can match, selected by the database (commune, days, interns), with the
   * roster of every visit: a filtered desk in a new process reads tens of rows, not 10,000.
   */
  private async selectedRows(filter: DeskFilter): Promise<DeskRows> {
    const where: string[] = [];
    const params: SQLInputValue[] = [];
    const add = (sql: string, ...values: SQLInputValue[]): void => {
      where.push(sql);
      params.push(...values);
    };
    if (filter.commune !== undefined) add('commune = ?', filter.commune);
    if (filter.province !== undefined) add('province = ?', filter.province);
    if (filter.from !== undefined) add('visit_date >= ?', filter.from);
    if (filter.to !== undefined) add('visit_date <= ?', filter.to);
    if (filter.intern !== undefined)
      add(
        `(visit_id IN (SELECT visit_id FROM visit_interns WHERE name = ?)
          OR key_id IN (SELECT key_id FROM enrolled_keys WHERE name = ?))`,
        filter.intern,
        filter.intern,
      );
    const visits = this.all(
      `SELECT ${VISIT_COLUMNS} FROM visits WHERE ${where.join(' AND ')} ORDER BY visit_id`,
      ...params,
    ).map(visitRowOf);
    const lastByKey: Record<string, string> = {};
    for (const r of this.all('SELECT key_id, MAX(visit_date) AS last FROM visits GROUP BY key_id'))
      lastByKey[str(r['key_id'])] = str(r['last']);
    const communes = this.all('SELECT DISTINCT commune FROM visits').map((r) => str(r['commune']));
    const interns = this.all('SELECT DISTINCT name FROM visit_interns').map((r) => str(r['name']));
    const rows: DeskRows = {
      visits,
      keys: await this.listKeys(),
      communes: await this.listCommunes(),
      roster: {
        communes: communes.sort((a, b) => a.localeCompare(b, 'vi')),
        interns,
        lastByKey,
      },
    };
    this.readAt.set(rows, this.generation);
    return rows;
  }

  async deskBase(key: string): Promise<unknown> {
    this.checkOthers();
    if (this.bases.has(key)) return this.bases.get(key);
    const r = this.get('SELECT base FROM desk_bases WHERE filter_key = ?', key);
    if (r === undefined) return undefined;
    const base: unknown = JSON.parse(str(r['base']));
    this.bases.set(key, base);
    return base;
  }

  async keepDeskBase(key: string, base: unknown, durable: boolean, from: DeskRows): Promise<void> {
    this.checkOthers();
    // Computed from rows a write has since replaced: not kept (the next query computes again).
    if (this.readAt.get(from) !== this.generation) return;
    if (this.bases.size >= 50) this.bases.clear();
    this.bases.set(key, base);
    if (!durable) return;
    const generation = this.generation;
    await this.transaction(async () => {
      if (this.generation !== generation) return;
      this.run('DELETE FROM desk_bases WHERE filter_key = ?', key);
      this.run(
        'INSERT INTO desk_bases (filter_key, computed_at, base) VALUES (?, ?, ?)',
        key,
        new Date().toISOString(),
        JSON.stringify(base),
      );
      this.run(
        `DELETE FROM desk_bases WHERE filter_key NOT IN
           (SELECT filter_key FROM desk_bases ORDER BY computed_at DESC LIMIT ${DURABLE_BASES})`,
      );
      this.basesCleared = false;
    });
    // Our own commit does not move data_version; the next look sees no other writer.
  }

  async listItems(page: ListRequest): Promise<{ total: number; items: InboxListItem[] }> {
    this.checkOthers();
    const keys = this.cache?.keys ?? (await this.listKeys());
    if (this.cache !== undefined)
      return listPage(listOf([...this.cache.visits.values()], keys), page);
    const byId = new Map(keys.map((k) => [k.keyId, k]));
    const item = (r: Dict): InboxListItem =>
      listItemOf(
        {
          visitId: str(r['visit_id']),
          fileName: str(r['file_name']),
          importedAt: str(r['imported_at']),
          exportedAt: str(r['exported_at']),
          keyId: str(r['key_id']),
        },
        {
          commune: str(r['commune']),
          province: str(r['province']),
          date: str(r['visit_date']),
          interns: JSON.parse(str(r['interns'])) as string[],
        },
        byId.get(str(r['key_id'])),
      );
    const columns = `visit_id, file_name, imported_at, exported_at, key_id, commune, province,
      visit_date, interns`;
    if (page.ids !== undefined) {
      // The visits asked for, in their order (at most LIST_PAGE_MAX ids: one statement each).
      const found = page.ids.flatMap((id) => {
        const r = this.get(`SELECT ${columns} FROM visits WHERE visit_id = ?`, id);
        return r === undefined ? [] : [item(r)];
      });
      return listPage(found, { offset: page.offset, limit: page.limit });
    }
    const total = Number(this.get('SELECT COUNT(*) AS n FROM visits')?.['n'] ?? 0);
    const items = this.all(
      `SELECT ${columns} FROM visits ORDER BY visit_date DESC, visit_id DESC LIMIT ? OFFSET ?`,
      page.limit,
      page.offset,
    ).map(item);
    return { total, items };
  }
}

/** The columns of a visit row (all but the bytes). */
const VISIT_COLUMNS = `visit_id, key_id, digest, file_hash, file_name, exported_at, exported_at_ms,
  imported_at, verdict, facts`;

/** Migration 2's columns of a visit (commune, province, visit_date, interns), from its facts. */
const filterValues = (facts: VisitFacts): string[] => [
  facts.commune,
  facts.province,
  facts.date,
  JSON.stringify(facts.interns),
];

/** The database file of the inbox under a data folder. */
export function inboxDatabaseFile(dataDir: string): string {
  return path.join(dataDir, 'inbox', 'inbox.sqlite');
}

const open = new Map<string, Promise<SqliteInboxStore>>();

/** The inbox store of a data folder, opened and migrated once per process. */
export function openInboxStore(dataDir: string): Promise<SqliteInboxStore> {
  const file = inboxDatabaseFile(dataDir);
  let pending = open.get(file);
  if (pending === undefined) {
    pending = (async () => {
      const store = new SqliteInboxStore(file);
      await store.migrate();
      return store;
    })();
    open.set(file, pending);
    pending.catch(() => open.delete(file));
  }
  return pending;
}

/** Closes and forgets an opened store (tests, rebuild). */
export async function closeInboxStore(dataDir: string): Promise<void> {
  const file = inboxDatabaseFile(dataDir);
  const pending = open.get(file);
  open.delete(file);
  if (pending !== undefined) await (await pending).close();
}
