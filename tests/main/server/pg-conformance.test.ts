/**
 * The inbox's conformance suite (tests/helpers/inbox-store-conformance.ts, written with the
 * embedded engine) on PostgreSQL: the same rules, the other engine.
 */
import { afterAll, beforeAll } from 'vitest';

import { openDb, type Db } from '../../../main/server/db.js';
import { migrate } from '../../../main/server/migrations.js';
import { ensureProgramme, PgInboxStore } from '../../../main/server/pg-store.js';
import { describeInboxStore } from '../../helpers/inbox-store-conformance.js';
import { startPostgres, type PostgresCluster } from '../../helpers/postgres.js';

let cluster: PostgresCluster;
const dbs: Db[] = [];
let n = 0;

beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(async () => {
  for (const db of dbs) await db.close();
  await cluster?.stop();
});

describeInboxStore('postgres', async () => {
  const db = openDb({ url: await cluster.createDatabase(`conformance_${(n += 1)}`) });
  dbs.push(db);
  await migrate(db.pool);
  await ensureProgramme(db, 'ctu-2026', 'ĐH Cần Thơ 2026');
  return new PgInboxStore(db, 'ctu-2026');
});
