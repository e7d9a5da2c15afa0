/**
 * The supervisor's inbox on PostgreSQL: h13's engine-neutral `InboxStore`
 * (main/service/inbox/store-types.ts), one programme's view of the server's shared tables. A
 * store is built for one programme and every statement names it, so a supervisor's requests
 * cannot read another programme's rows whatever the handler does (the server checks rights too).
 *
 * Parsed desk rows are kept per programme and brought up to date incrementally: each row carries
 * the id of the transaction that wrote it, and a refresh reads only the rows written by
 * transactions that had not finished at the previous read (`pg_snapshot_xmin`), whatever server
 * process wrote them. Removing visits bumps the programme's `version`, which forces a full
 * reload. A desk query over 100,000 visits then reads a handful of rows, not 100,000.
 */
import type { LocalText } from '../service/define.js';
import type {
  Conflict,
  EnrolledKey,
  ImportLogEntry,
  ImportStatus,
} from '../service/inbox/records.js';
import type {
  ConflictRecord,
  DeskRows,
  HeldConflict,
  InboxStore,
  ProgrammeCommune,
  SeenFile,
  VisitRecord,
  VisitRow,
} from '../service/inbox/store-types.js';
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
} from '../service/inbox/rows.js';
import type { Db } from './db.js';
import { migrate } from './migrations.js';

type Row = Record<string, unknown>;

const ROW_COLUMNS = `visit_id, key_id, digest, file_hash, file_name, exported_at, exported_at_ms,
  imported_at, verdict, facts`;

/** Parsed visit rows of a programme, as of a snapshot horizon (per database). */
type CachedRows = {
  version: number;
  /** Transactions with an id at or above this were possibly unfinished at the last read. */
  horizon: number;
  byId: Map<string, VisitRow>;
  sorted: VisitRow[];
};
const deskCache = new WeakMap<Db, Map<string, CachedRows>>();
const byVisitId = (a: VisitRow, b: VisitRow): number =>
  a.visitId < b.visitId ? -1 : a.visitId > b.visitId ? 1 : 0;

/** Thrown when a key is already enrolled in another programme (one key, one programme). */
export class KeyElsewhereError extends Error {
  override name = 'KeyElsewhereError' as const;
}

/** One programme's inbox on the server's PostgreSQL database. */
export class PgInboxStore implements InboxStore {
  readonly engine = 'postgres';

  constructor(
    private readonly db: Db,
    /** The programme every statement of this store is limited to. */
    readonly programmeId: string,
  ) {}

  private q<R extends Row>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    return this.db.query<R>(sql, [this.programmeId, ...params]);
  }

  /** Marks rows as removed: every process reloads the programme's rows in full. */
  private async touch(): Promise<void> {
    await this.q('UPDATE programmes SET version = version + 1 WHERE id = $1');
  }

  async migrate(): Promise<number> {
    return migrate(this.db.pool);
  }

  async close(): Promise<void> {
    // The pool belongs to the server (one for every programme); it closes it.
  }

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  async getVisit(visitId: string): Promise<VisitRecord | undefined> {
    const [r] = await this.q('SELECT * FROM visits WHERE programme_id = $1 AND visit_id = $2', [
      visitId,
    ]);
    return r === undefined ? undefined : { ...visitRowOf(r), raw: bytesOf(r['raw']) };
  }

  /** Key, digest and export time of a visit, without its bytes or facts (the upload's hot path). */
  async headOf(
    visitId: string,
  ): Promise<{ keyId: string; digest: string; exportedAtMs: number } | undefined> {
    const [r] = await this.q(
      'SELECT key_id, digest, exported_at_ms FROM visits WHERE programme_id = $1 AND visit_id = $2',
      [visitId],
    );
    return r === undefined ? undefined : headOfRow(r);
  }

  async putVisit(v: VisitRecord): Promise<void> {
    await this.q(
      `INSERT INTO visits (programme_id, visit_id, key_id, digest, file_hash, file_name,
         exported_at, exported_at_ms, imported_at, verdict, facts, raw)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (programme_id, visit_id) DO UPDATE SET key_id = EXCLUDED.key_id,
         digest = EXCLUDED.digest, file_hash = EXCLUDED.file_hash, file_name = EXCLUDED.file_name,
         exported_at = EXCLUDED.exported_at, exported_at_ms = EXCLUDED.exported_at_ms,
         imported_at = EXCLUDED.imported_at, verdict = EXCLUDED.verdict, facts = EXCLUDED.facts,
         raw = EXCLUDED.raw, txid = pg_current_xact_id()::text::bigint`,
      visitValues(v),
    );
  }

  async removeVisit(visitId: string): Promise<void> {
    await this.q('DELETE FROM visits WHERE programme_id = $1 AND visit_id = $2', [visitId]);
    await this.touch();
  }

  async listVisits(): Promise<VisitRow[]> {
    const rows = await this.q(
      `SELECT ${ROW_COLUMNS} FROM visits WHERE programme_id = $1 ORDER BY visit_id`,
    );
    return rows.map(visitRowOf);
  }

  async countVisits(): Promise<number> {
    const [r] = await this.q<{ n: number }>(
      'SELECT count(*)::int AS n FROM visits WHERE programme_id = $1',
    );
    return r?.n ?? 0;
  }

  async clearVisits(): Promise<void> {
    await this.transaction(async () => {
      for (const table of ['visits', 'conflicts', 'seen_files', 'import_log'])
        await this.q(`DELETE FROM ${table} WHERE programme_id = $1`);
      await this.touch();
    });
  }

  async getSeenFile(file: string): Promise<SeenFile | undefined> {
    const [r] = await this.q('SELECT * FROM seen_files WHERE programme_id = $1 AND path = $2', [
      file,
    ]);
    if (r === undefined) return undefined;
    return {
      path: str(r['path']),
      size: Number(r['size']),
      mtimeMs: Number(r['mtime_ms']),
      fileHash: str(r['file_hash']),
      status: str(r['status']) as ImportStatus,
    };
  }

  async putSeenFile(f: SeenFile): Promise<void> {
    await this.q(
      `INSERT INTO seen_files (programme_id, path, size, mtime_ms, file_hash, status)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (programme_id, path) DO UPDATE SET size = EXCLUDED.size,
         mtime_ms = EXCLUDED.mtime_ms, file_hash = EXCLUDED.file_hash, status = EXCLUDED.status`,
      [f.path, f.size, f.mtimeMs, f.fileHash, f.status],
    );
  }

  async listKeys(): Promise<EnrolledKey[]> {
    const rows = await this.q(
      'SELECT * FROM enrolled_keys WHERE programme_id = $1 ORDER BY name, key_id',
    );
    return rows.map(keyRowOf);
  }

  async getKey(keyId: string): Promise<EnrolledKey | undefined> {
    const [r] = await this.q(
      'SELECT * FROM enrolled_keys WHERE programme_id = $1 AND key_id = $2',
      [keyId],
    );
    return r === undefined ? undefined : keyRowOf(r);
  }

  /** Enrols (or updates) a key in this programme; a key of another programme is refused. */
  async putKey(k: EnrolledKey): Promise<void> {
    const rows = await this.q(
      `INSERT INTO enrolled_keys (programme_id, key_id, name, public_key_pem, source, enrolled_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (key_id) DO UPDATE SET name = EXCLUDED.name,
         public_key_pem = EXCLUDED.public_key_pem, source = EXCLUDED.source,
         enrolled_at = EXCLUDED.enrolled_at
       WHERE enrolled_keys.programme_id = EXCLUDED.programme_id
       RETURNING key_id`,
      [k.keyId, k.name, k.publicKeyPem ?? null, k.source, k.enrolledAt],
    );
    if (rows.length === 0)
      throw new KeyElsewhereError(`key ${k.keyId} is enrolled in another programme`);
  }

  async removeKey(keyId: string): Promise<boolean> {
    const rows = await this.q(
      'DELETE FROM enrolled_keys WHERE programme_id = $1 AND key_id = $2 RETURNING key_id',
      [keyId],
    );
    return rows.length > 0;
  }

  async addConflict(c: ConflictRecord): Promise<number> {
    const [same] = await this.q<{ id: number }>(
      'SELECT id FROM conflicts WHERE programme_id = $1 AND visit_id = $2 AND digest = $3',
      [c.visitId, c.digest],
    );
    if (same !== undefined) return same.id;
    const [r] = await this.q<{ id: number }>(
      `INSERT INTO conflicts (programme_id, visit_id, kept_key_id, held_key_id, file_name,
         received_at, exported_at, exported_at_ms, commune, date, digest, file_hash, facts, raw)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      conflictValues(c),
    );
    return r!.id;
  }

  async listConflicts(): Promise<Conflict[]> {
    const rows = await this.q(
      `SELECT id, visit_id, kept_key_id, held_key_id, file_name, received_at, exported_at,
         commune, date, status, decided_at FROM conflicts WHERE programme_id = $1 ORDER BY id`,
    );
    return rows.map((r) => conflictRowOf(r, 'date'));
  }

  async getConflict(id: number): Promise<HeldConflict | undefined> {
    const [r] = await this.q('SELECT * FROM conflicts WHERE programme_id = $1 AND id = $2', [id]);
    if (r === undefined) return undefined;
    return heldConflictOf(r, 'date');
  }

  async decideConflict(
    id: number,
    status: 'kept-existing' | 'kept-incoming',
    at: string,
  ): Promise<void> {
    await this.q(
      'UPDATE conflicts SET status = $3, decided_at = $4 WHERE programme_id = $1 AND id = $2',
      [id, status, at],
    );
  }

  async log(entries: readonly ImportLogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    // One multi-row INSERT per 500 lines: 9 parameters a line stays under PostgreSQL's 65,535.
    for (let start = 0; start < entries.length; start += 500) {
      const chunk = entries.slice(start, start + 500);
      const values: unknown[] = [];
      const tuples = chunk.map((e, i) => {
        values.push(
          e.at,
          e.fileName,
          e.fileHash ?? null,
          e.status,
          JSON.stringify(e.reason),
          e.visitId ?? null,
          e.keyId ?? null,
        );
        const b = i * 7 + 2;
        return `($1, $${b}, $${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6})`;
      });
      await this.q(
        `INSERT INTO import_log (programme_id, at, file_name, file_hash, status, reason, visit_id,
           key_id) VALUES ${tuples.join(', ')}`,
        values,
      );
    }
  }

  async listLog(limit: number): Promise<ImportLogEntry[]> {
    const rows = await this.q(
      'SELECT * FROM import_log WHERE programme_id = $1 ORDER BY id DESC LIMIT $2',
      [Math.max(0, Math.floor(limit))],
    );
    return rows.map((r) => {
      const hash = opt(r['file_hash']);
      const visitId = opt(r['visit_id']);
      const keyId = opt(r['key_id']);
      return {
        at: str(r['at']),
        fileName: str(r['file_name']),
        status: str(r['status']) as ImportStatus,
        reason: r['reason'] as LocalText,
        ...(hash === undefined ? {} : { fileHash: hash }),
        ...(visitId === undefined ? {} : { visitId }),
        ...(keyId === undefined ? {} : { keyId }),
      };
    });
  }

  async listCommunes(): Promise<ProgrammeCommune[]> {
    const rows = await this.q(
      'SELECT name, province FROM communes WHERE programme_id = $1 ORDER BY name, province',
    );
    return rows.map((r) => ({ name: str(r['name']), province: str(r['province']) }));
  }

  async setCommunes(communes: readonly ProgrammeCommune[]): Promise<void> {
    const seen = new Set<string>();
    const unique = communes.filter((c) => {
      const key = `${c.name}\u0000${c.province}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    await this.transaction(async () => {
      await this.q('DELETE FROM communes WHERE programme_id = $1');
      for (const [i, c] of unique.entries())
        await this.q(
          'INSERT INTO communes (programme_id, position, name, province) VALUES ($1, $2, $3, $4)',
          [i, c.name, c.province],
        );
    });
  }

  async deskRows(): Promise<DeskRows> {
    return {
      visits: await this.cachedVisits(),
      keys: await this.listKeys(),
      communes: await this.listCommunes(),
    };
  }

  /** The programme's visit rows, sorted by id, refreshed with the rows written since last time. */
  private async cachedVisits(): Promise<VisitRow[]> {
    const [head] = await this.q<{ version: number; horizon: number }>(
      `SELECT version, pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS horizon
       FROM programmes WHERE id = $1`,
    );
    if (head === undefined) return [];
    let perDb = deskCache.get(this.db);
    if (perDb === undefined) deskCache.set(this.db, (perDb = new Map()));
    const cached = perDb.get(this.programmeId);
    if (cached === undefined || cached.version !== head.version) {
      const sorted = await this.listVisits();
      perDb.set(this.programmeId, {
        version: head.version,
        horizon: head.horizon,
        byId: new Map(sorted.map((r) => [r.visitId, r])),
        sorted,
      });
      return sorted;
    }
    const changed = (
      await this.q(`SELECT ${ROW_COLUMNS} FROM visits WHERE programme_id = $1 AND txid >= $2`, [
        cached.horizon,
      ])
    ).map(visitRowOf);
    let added = false;
    for (const row of changed) {
      if (!cached.byId.has(row.visitId)) added = true;
      cached.byId.set(row.visitId, row);
    }
    if (changed.length > 0) {
      cached.sorted = added
        ? [...cached.byId.values()].sort(byVisitId)
        : cached.sorted.map((r) => cached.byId.get(r.visitId)!);
    }
    cached.horizon = Math.max(cached.horizon, head.horizon);
    return cached.sorted;
  }
}

/** Creates a programme (idempotent); its store is then `new PgInboxStore(db, id)`. */
export async function ensureProgramme(db: Db, id: string, name: string): Promise<void> {
  await db.query(
    'INSERT INTO programmes (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name',
    [id, name],
  );
}
