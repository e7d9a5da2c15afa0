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
import type { Conflict, EnrolledKey, ImportLogEntry, ImportStatus, VisitFacts } from './records.js';
import { conflictRowOf, keyRowOf, opt, str, visitRowOf } from './rows.js';
import type {
  ConflictRecord,
  DeskRows,
  InboxStore,
  ProgrammeCommune,
  SeenFile,
  VisitRecord,
  VisitRow,
} from './store-types.js';

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
];

type Dict = Record<string, SQLInputValue>;

const bytes = (v: unknown): Uint8Array => (v instanceof Uint8Array ? v : new Uint8Array());

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
        this.cache = undefined;
        this.snapshot = undefined;
        throw error;
      }
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  async getVisit(visitId: string): Promise<VisitRecord | undefined> {
    const r = this.get('SELECT * FROM visits WHERE visit_id = ?', visitId);
    return r === undefined ? undefined : { ...visitRowOf(r), raw: bytes(r['raw']) };
  }

  /** Key, digest and export time of a visit, without parsing its facts (the import's hot path). */
  async headOf(
    visitId: string,
  ): Promise<{ keyId: string; digest: string; exportedAtMs: number } | undefined> {
    const r = this.get(
      'SELECT key_id, digest, exported_at_ms FROM visits WHERE visit_id = ?',
      visitId,
    );
    return r === undefined
      ? undefined
      : {
          keyId: str(r['key_id']),
          digest: str(r['digest']),
          exportedAtMs: Number(r['exported_at_ms']),
        };
  }

  async putVisit(v: VisitRecord): Promise<void> {
    const { raw: _raw, ...row } = v;
    this.cache?.visits.set(v.visitId, row);
    this.snapshot = undefined;
    this.run('DELETE FROM visits WHERE visit_id = ?', v.visitId);
    this.run(
      `INSERT INTO visits (visit_id, key_id, digest, file_hash, file_name, exported_at,
         exported_at_ms, imported_at, verdict, facts, raw)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      v.visitId,
      v.keyId,
      v.digest,
      v.fileHash,
      v.fileName,
      v.exportedAt,
      v.exportedAtMs,
      v.importedAt,
      v.verdict,
      JSON.stringify(v.facts),
      v.raw,
    );
  }

  async removeVisit(visitId: string): Promise<void> {
    this.cache?.visits.delete(visitId);
    this.snapshot = undefined;
    this.run('DELETE FROM visits WHERE visit_id = ?', visitId);
  }

  async listVisits(): Promise<VisitRow[]> {
    return this.all(
      `SELECT visit_id, key_id, digest, file_hash, file_name, exported_at, exported_at_ms,
         imported_at, verdict, facts FROM visits ORDER BY visit_id`,
    ).map(visitRowOf);
  }

  async countVisits(): Promise<number> {
    return Number(this.get('SELECT COUNT(*) AS n FROM visits')?.['n'] ?? 0);
  }

  async clearVisits(): Promise<void> {
    this.cache = undefined;
    this.snapshot = undefined;
    this.db.exec(
      'DELETE FROM visits; DELETE FROM conflicts; DELETE FROM seen_files; DELETE FROM import_log',
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
    if (this.cache !== undefined) delete this.cache.keys;
    this.snapshot = undefined;
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
    if (this.cache !== undefined) delete this.cache.keys;
    this.snapshot = undefined;
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
         exported_at, exported_at_ms, commune, visit_date, status, digest, file_hash, facts, raw)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)`,
      c.visitId,
      c.keptKeyId,
      c.heldKeyId,
      c.fileName,
      c.receivedAt,
      c.exportedAt,
      c.exportedAtMs,
      c.commune,
      c.date,
      c.digest,
      c.fileHash,
      JSON.stringify(c.facts),
      c.raw,
    );
    return Number(this.get('SELECT MAX(id) AS id FROM conflicts')?.['id'] ?? 0);
  }

  async listConflicts(): Promise<Conflict[]> {
    return this.all(
      `SELECT id, visit_id, kept_key_id, held_key_id, file_name, received_at, exported_at,
         commune, visit_date, status, decided_at FROM conflicts ORDER BY id`,
    ).map((r) => conflictRowOf(r, 'visit_date'));
  }

  async getConflict(id: number): Promise<
    | (Conflict & {
        raw: Uint8Array;
        facts: VisitFacts;
        digest: string;
        fileHash: string;
        exportedAtMs: number;
      })
    | undefined
  > {
    const r = this.get('SELECT * FROM conflicts WHERE id = ?', id);
    if (r === undefined) return undefined;
    return {
      ...conflictRowOf(r, 'visit_date'),
      raw: bytes(r['raw']),
      facts: JSON.parse(str(r['facts'])) as VisitFacts,
      digest: str(r['digest']),
      fileHash: str(r['file_hash']),
      exportedAtMs: Number(r['exported_at_ms']),
    };
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
    if (this.cache !== undefined) delete this.cache.communes;
    this.snapshot = undefined;
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

  async deskRows(): Promise<DeskRows> {
    if (this.snapshot !== undefined) return this.snapshot;
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
    return this.snapshot;
  }
}

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
