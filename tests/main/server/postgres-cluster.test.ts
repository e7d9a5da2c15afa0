/**
 * The test cluster itself (tests/helpers/postgres.ts): a real PostgreSQL reached over its Unix
 * socket and, when asked, over 127.0.0.1 with a password; it survives a kill -9 of the postmaster.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startPostgres, type PostgresCluster } from '../../helpers/postgres.js';

let cluster: PostgresCluster;

beforeAll(async () => {
  cluster = await startPostgres({ tcp: true });
});
afterAll(async () => {
  await cluster?.stop();
});

describe('test PostgreSQL cluster', () => {
  it('answers on the socket and on loopback TCP with the password', async () => {
    for (const url of [cluster.url, cluster.tcpUrl!]) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query<{ v: string }>(
        "SELECT current_setting('server_version') AS v",
      );
      expect(rows[0]!.v).toMatch(/^15\./);
      await client.end();
    }
  });

  it('refuses TCP without the password', async () => {
    const client = new pg.Client({
      connectionString: cluster.tcpUrl!.replace(`:${cluster.password}@`, ':wrong@'),
    });
    await expect(client.connect()).rejects.toThrow(/password authentication failed/);
  });

  it('keeps committed rows across a kill -9 of the server', async () => {
    const client = new pg.Client({ connectionString: cluster.url });
    const lost = new Promise<Error>((resolve) => client.on('error', resolve));
    await client.connect();
    await client.query('CREATE TABLE t (v text)');
    await client.query("INSERT INTO t VALUES ('Xã Tân Phước Hưng')");
    await cluster.kill9();
    expect((await lost).message).toMatch(/terminat/);
    await cluster.start();
    const again = new pg.Client({ connectionString: cluster.url });
    await again.connect();
    const { rows } = await again.query<{ v: string }>('SELECT v FROM t');
    expect(rows.map((r) => r.v)).toEqual(['Xã Tân Phước Hưng']);
    await again.end();
  });
});
