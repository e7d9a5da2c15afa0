/**
 * Database rows to inbox records, the same for both engines (`sqlite-store.ts`, and the
 * collection server's `main/server/pg-store.ts`): one column list, one mapping.
 */
import type { Conflict, EnrolledKey, VisitFacts } from './records.js';
import type { ConflictRecord, HeldConflict, VisitRecord, VisitRow } from './store-types.js';

/**
 * The values of a stored visit in the column order both engines insert (`visit_id, key_id,
 * digest, file_hash, file_name, exported_at, exported_at_ms, imported_at, verdict, facts, raw`).
 */
export function visitValues(v: VisitRecord): (string | number | Buffer)[] {
  return [
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
    Buffer.from(v.raw.buffer, v.raw.byteOffset, v.raw.byteLength),
  ];
}

/**
 * The values of a held-apart file in the column order both engines insert (`visit_id,
 * kept_key_id, held_key_id, file_name, received_at, exported_at, exported_at_ms, commune, <date>,
 * digest, file_hash, facts, raw`).
 */
export function conflictValues(c: ConflictRecord): (string | number | Buffer)[] {
  return [
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
    Buffer.from(c.raw.buffer, c.raw.byteOffset, c.raw.byteLength),
  ];
}

/** A row as a driver returns it: column name to value. */
export type DbRow = Readonly<Record<string, unknown>>;

/** A text column (null becomes ''). */
export const str = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''));
/** An optional text column. */
export const opt = (v: unknown): string | undefined =>
  v === null || v === undefined ? undefined : str(v);

/**
 * A stored visit. `facts` is the column as the engine gives it: parsed JSON (PostgreSQL's
 * `jsonb`) or its text (SQLite).
 */
export function visitRowOf(r: DbRow): VisitRow {
  const facts = r['facts'];
  return {
    visitId: str(r['visit_id']),
    keyId: str(r['key_id']),
    digest: str(r['digest']),
    fileHash: str(r['file_hash']),
    fileName: str(r['file_name']),
    exportedAt: str(r['exported_at']),
    exportedAtMs: Number(r['exported_at_ms']),
    importedAt: str(r['imported_at']),
    verdict: str(r['verdict']) as VisitRow['verdict'],
    facts: (typeof facts === 'string' ? JSON.parse(facts) : facts) as VisitFacts,
  };
}

/** An enrolled key. */
export function keyRowOf(r: DbRow): EnrolledKey {
  const pem = opt(r['public_key_pem']);
  return {
    keyId: str(r['key_id']),
    name: str(r['name']),
    ...(pem === undefined ? {} : { publicKeyPem: pem }),
    source: str(r['source']) as EnrolledKey['source'],
    enrolledAt: str(r['enrolled_at']),
  };
}

/** A held-apart file; `dateColumn` names the visit's date column of the engine's schema. */
export function conflictRowOf(r: DbRow, dateColumn: 'date' | 'visit_date'): Conflict {
  const decided = opt(r['decided_at']);
  return {
    id: Number(r['id']),
    visitId: str(r['visit_id']),
    keptKeyId: str(r['kept_key_id']),
    heldKeyId: str(r['held_key_id']),
    fileName: str(r['file_name']),
    receivedAt: str(r['received_at']),
    exportedAt: str(r['exported_at']),
    commune: str(r['commune']),
    date: str(r[dateColumn]),
    status: str(r['status']) as Conflict['status'],
    ...(decided === undefined ? {} : { decidedAt: decided }),
  };
}

/** A bytes column (a driver's Buffer or Uint8Array; anything else is no bytes). */
export const bytesOf = (v: unknown): Uint8Array => (v instanceof Uint8Array ? v : new Uint8Array());

/** A held-apart file with its bytes and facts (`getConflict` of both engines). */
export function heldConflictOf(r: DbRow, dateColumn: 'date' | 'visit_date'): HeldConflict {
  const facts = r['facts'];
  return {
    ...conflictRowOf(r, dateColumn),
    raw: bytesOf(r['raw']),
    facts: (typeof facts === 'string' ? JSON.parse(facts) : facts) as VisitFacts,
    digest: str(r['digest']),
    fileHash: str(r['file_hash']),
    exportedAtMs: Number(r['exported_at_ms']),
  };
}

/** Key, digest and export time of a stored visit (`headOf` of both engines). */
export function headOfRow(r: DbRow): { keyId: string; digest: string; exportedAtMs: number } {
  return {
    keyId: str(r['key_id']),
    digest: str(r['digest']),
    exportedAtMs: Number(r['exported_at_ms']),
  };
}
