/**
 * The inbox storage interface on a real PostgreSQL (a fresh database per test), plus what only
 * the server's store does: one programme never sees another's rows, one key belongs to one
 * programme, and the schema migrates once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openDb, type Db } from '../../../main/server/db.js';
import { migrate, SCHEMA_VERSION } from '../../../main/server/migrations.js';
import { ensureProgramme, KeyElsewhereError, PgInboxStore } from '../../../main/server/pg-store.js';
import { startPostgres, type PostgresCluster } from '../../helpers/postgres.js';
import { describeInboxStore, record } from './store-suite.js';

let cluster: PostgresCluster;
let n = 0;

beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(async () => {
  await cluster?.stop();
});

async function freshDb(): Promise<Db> {
  const db = openDb({ url: await cluster.createDatabase(`store_${(n += 1)}`) });
  await migrate(db.pool);
  return db;
}

describeInboxStore('PostgreSQL', async () => {
  const db = await freshDb();
  await ensureProgramme(db, 'ctu-2026', 'ĐH Cần Thơ — Chuyển đổi số 2026');
  const store = new PgInboxStore(db, 'ctu-2026');
  return { store, close: () => db.close() };
});

describe('PostgreSQL store of the collection server', () => {
  it('migrates once, and again is a no-op at the same version', async () => {
    const db = await freshDb();
    expect(await migrate(db.pool)).toBe(SCHEMA_VERSION);
    const rows = await db.query<{ version: number }>('SELECT version FROM xaso_migrations');
    expect(rows.map((r) => r.version)).toEqual([SCHEMA_VERSION]);
    await db.close();
  });

  it('refuses a database migrated by a newer program', async () => {
    const db = await freshDb();
    await db.query("INSERT INTO xaso_migrations (version, name) VALUES (999, 'future')");
    await expect(migrate(db.pool)).rejects.toThrow(/newer than this program/);
    await db.close();
  });

  it('keeps programmes apart: rows, counts, desk rows and keys', async () => {
    const db = await freshDb();
    await ensureProgramme(db, 'ctu', 'ĐH Cần Thơ');
    await ensureProgramme(db, 'hust', 'ĐH Bách khoa Hà Nội');
    const ctu = new PgInboxStore(db, 'ctu');
    const hust = new PgInboxStore(db, 'hust');
    await ctu.putVisit(record('visit-same-id', 'aaaaaaaaaaaaaaaa'));
    await hust.putVisit(record('visit-same-id', 'bbbbbbbbbbbbbbbb'));
    await hust.putVisit(record('visit-h2', 'bbbbbbbbbbbbbbbb'));
    expect(await ctu.countVisits()).toBe(1);
    expect((await ctu.getVisit('visit-same-id'))!.keyId).toBe('aaaaaaaaaaaaaaaa');
    expect((await hust.deskRows()).visits.map((v) => v.visitId)).toEqual([
      'visit-h2',
      'visit-same-id',
    ]);
    await ctu.clearVisits();
    expect(await hust.countVisits()).toBe(2);
    const key = {
      keyId: 'cccccccccccccccc',
      name: 'Ánh',
      source: 'fingerprint' as const,
      enrolledAt: '2026-11-01T00:00:00Z',
    };
    await ctu.putKey(key);
    await expect(hust.putKey(key)).rejects.toBeInstanceOf(KeyElsewhereError);
    expect(await hust.getKey(key.keyId)).toBeUndefined();
    expect(await hust.removeKey(key.keyId)).toBe(false);
    expect(await ctu.getKey(key.keyId)).toMatchObject({ name: 'Ánh' });
    await db.close();
  });
});
