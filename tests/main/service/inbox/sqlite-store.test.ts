/** The embedded engine against the inbox's conformance suite, on a real file; migrations recorded. */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

import { afterAll, expect, it } from 'vitest';

import { MIGRATIONS, SqliteInboxStore } from '../../../../main/service/inbox/sqlite-store.js';
import { describeInboxStore } from '../../../helpers/inbox-store-conformance.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function fresh(): Promise<SqliteInboxStore> {
  const dir = await mkdtemp(path.join(tmpdir(), 'xaso-store-'));
  dirs.push(dir);
  const store = new SqliteInboxStore(path.join(dir, 'inbox', 'inbox.sqlite'));
  await store.migrate();
  return store;
}

describeInboxStore('sqlite', fresh);

it('records each migration once, and refuses a database newer than the app', async () => {
  const store = await fresh();
  await store.close();
  const db = new DatabaseSync(store.file);
  expect(
    db
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((r) => r['version']),
  ).toEqual(MIGRATIONS.map((_, i) => i + 1));
  db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(999, 'x');
  db.close();
  const again = new SqliteInboxStore(store.file);
  await expect(again.migrate()).rejects.toThrow(/newer than this app/);
  await again.close();
  if (process.platform !== 'win32') {
    expect((await stat(store.file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(store.file))).mode & 0o777).toBe(0o700);
  }
});
