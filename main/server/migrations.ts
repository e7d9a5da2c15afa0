/**
 * The collection server's schema, as numbered migrations applied at start in one transaction
 * each, under an advisory lock (two servers starting on one database do not race). Applied
 * versions are kept in `xaso_migrations`; a database newer than this program is refused.
 */
import type { Pool, PoolClient } from 'pg';

/** One migration: a version, a name, and the SQL that brings the schema to it. */
export type Migration = Readonly<{ version: number; name: string; sql: string }>;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'inbox, programmes, accounts, sessions, audit, uploads',
    sql: `
CREATE TABLE programmes (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name text NOT NULL,
  -- Bumped when visits are removed: readers then reload every row instead of the new ones.
  version bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE enrolled_keys (
  key_id text PRIMARY KEY, -- 16 hex digits, checked at every door (the engine takes any id)
  programme_id text NOT NULL REFERENCES programmes(id),
  name text NOT NULL,
  public_key_pem text,
  source text NOT NULL,
  enrolled_at text NOT NULL
);
CREATE INDEX enrolled_keys_programme ON enrolled_keys(programme_id);
CREATE TABLE visits (
  programme_id text NOT NULL REFERENCES programmes(id),
  visit_id text NOT NULL,
  key_id text NOT NULL,
  digest text NOT NULL,
  file_hash text NOT NULL,
  file_name text NOT NULL,
  exported_at text NOT NULL,
  exported_at_ms bigint NOT NULL,
  imported_at text NOT NULL,
  raw bytea NOT NULL,
  facts jsonb NOT NULL,
  verdict text NOT NULL,
  visit_date text GENERATED ALWAYS AS (facts->>'date') STORED,
  commune text GENERATED ALWAYS AS (facts->>'commune') STORED,
  -- The transaction that last wrote the row: a reader fetches only rows written by transactions
  -- not yet finished at its previous read (pg-store.ts deskRows).
  txid bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
  PRIMARY KEY (programme_id, visit_id)
);
CREATE INDEX visits_date ON visits(programme_id, visit_date);
CREATE INDEX visits_txid ON visits(programme_id, txid);
CREATE TABLE seen_files (
  programme_id text NOT NULL,
  path text NOT NULL,
  size bigint NOT NULL,
  mtime_ms double precision NOT NULL,
  file_hash text NOT NULL,
  status text NOT NULL,
  PRIMARY KEY (programme_id, path)
);
CREATE TABLE conflicts (
  id bigserial PRIMARY KEY,
  programme_id text NOT NULL,
  visit_id text NOT NULL,
  kept_key_id text NOT NULL,
  held_key_id text NOT NULL,
  file_name text NOT NULL,
  received_at text NOT NULL,
  exported_at text NOT NULL,
  commune text NOT NULL,
  date text NOT NULL,
  status text NOT NULL DEFAULT 'open',
  decided_at text,
  raw bytea NOT NULL,
  facts jsonb NOT NULL,
  digest text NOT NULL,
  file_hash text NOT NULL,
  exported_at_ms bigint NOT NULL
);
CREATE INDEX conflicts_programme ON conflicts(programme_id);
CREATE TABLE import_log (
  id bigserial PRIMARY KEY,
  programme_id text NOT NULL,
  at text NOT NULL,
  file_name text NOT NULL,
  file_hash text,
  status text NOT NULL,
  reason jsonb NOT NULL,
  visit_id text,
  key_id text
);
CREATE INDEX import_log_programme ON import_log(programme_id, id);
CREATE TABLE communes (
  programme_id text NOT NULL,
  position int NOT NULL,
  name text NOT NULL,
  province text NOT NULL,
  PRIMARY KEY (programme_id, position)
);
CREATE TABLE uploads (
  id text PRIMARY KEY,
  file_hash text NOT NULL UNIQUE,
  programme_id text NOT NULL REFERENCES programmes(id),
  key_id text NOT NULL,
  visit_id text NOT NULL,
  status text NOT NULL,
  received_at timestamptz NOT NULL,
  bytes int NOT NULL,
  raw bytea NOT NULL
);
CREATE TABLE accounts (
  id bigserial PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{2,64}$'),
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'supervisor', 'viewer')),
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE account_programmes (
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  programme_id text NOT NULL REFERENCES programmes(id),
  PRIMARY KEY (account_id, programme_id)
);
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  csrf text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  programme_id text,
  target text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'
);
`,
  },
];

/** Newest schema version this program knows. */
export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

const LOCK_KEY = 0x7861736f; // 'xaso'

async function applied(client: PoolClient): Promise<number> {
  await client.query(`CREATE TABLE IF NOT EXISTS xaso_migrations (
    version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const { rows } = await client.query<{ v: number | null }>(
    'SELECT max(version) AS v FROM xaso_migrations',
  );
  return rows[0]?.v ?? 0;
}

/**
 * Brings the database to {@link SCHEMA_VERSION}; resolves to the version in force. Throws when
 * the database was migrated by a newer program (never downgrades).
 */
export async function migrate(
  pool: Pool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    let version = await applied(client);
    const newest = Math.max(0, ...migrations.map((m) => m.version));
    if (version > newest) {
      throw new Error(
        `database schema ${version} is newer than this program's ${newest}: update xaso first`,
      );
    }
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (m.version <= version) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO xaso_migrations (version, name) VALUES ($1, $2)', [
          m.version,
          m.name,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${m.version} (${m.name}) failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
      version = m.version;
    }
    return version;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    client.release();
  }
}
