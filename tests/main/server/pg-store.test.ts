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

  it('keeps desk rows fresh across server processes, even for a write that commits late', async () => {
    const url = await cluster.createDatabase(`store_${(n += 1)}`);
    const first = openDb({ url });
    await migrate(first.pool);
    const second = openDb({ url });
    await ensureProgramme(first, 'ctu', 'ĐH Cần Thơ');
    const reader = new PgInboxStore(first, 'ctu');
    const writer = new PgInboxStore(second, 'ctu');
    await writer.putVisit(record('visit-1', 'aaaaaaaaaaaaaaaa'));
    expect((await reader.deskRows()).visits.map((v) => v.visitId)).toEqual(['visit-1']);
    // A transaction that started before the next read and commits after it.
    let commit: () => void = () => undefined;
    const late = writer.transaction(async () => {
      await writer.putVisit(record('visit-0-late', 'aaaaaaaaaaaaaaaa'));
      await new Promise<void>((resolve) => (commit = resolve));
    });
    await writer.putVisit(record('visit-2', 'aaaaaaaaaaaaaaaa'));
    expect((await reader.deskRows()).visits.map((v) => v.visitId)).toEqual(['visit-1', 'visit-2']);
    commit();
    await late;
    expect((await reader.deskRows()).visits.map((v) => v.visitId)).toEqual([
      'visit-0-late',
      'visit-1',
      'visit-2',
    ]);
    await writer.putVisit(record('visit-1', 'aaaaaaaaaaaaaaaa', { digest: 'f'.repeat(64) }));
    const rows = (await reader.deskRows()).visits;
    expect(rows.find((v) => v.visitId === 'visit-1')!.digest).toBe('f'.repeat(64));
    await writer.removeVisit('visit-2');
    expect((await reader.deskRows()).visits.map((v) => v.visitId)).toEqual([
      'visit-0-late',
      'visit-1',
    ]);
    await first.close();
    await second.close();
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
