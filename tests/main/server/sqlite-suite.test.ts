/**
 * The same inbox store suite as PostgreSQL's (store-suite.ts), on the embedded database
 * (`node:sqlite`, main/service/inbox/sqlite-store.ts): one interface, two engines, one set of rules.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { SqliteInboxStore } from '../../../main/service/inbox/sqlite-store.js';
import { describeInboxStore } from './store-suite.js';

describeInboxStore('node:sqlite', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'xaso-sqlite-suite-'));
  const store = new SqliteInboxStore(path.join(dir, 'inbox.sqlite'));
  await store.migrate();
  return {
    store,
    close: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
