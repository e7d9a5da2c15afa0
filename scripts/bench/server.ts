/**
 * Bench: the collection server (`xaso serve`, the built CLI in its own process) on a throw-away
 * PostgreSQL, loopback only, bounded in count and time.
 * 1. 20 concurrent uploaders × 500 sealed reports each (keep-alive HTTP, one request at a time
 *    per uploader): every report stored exactly once; p50/p95/max upload latency; reports/s.
 *    Targets: p95 ≤ 200 ms, ≥ 100 reports/s. Baselines in the same run: the same 10,000 rows
 *    written straight into PostgreSQL (multi-row INSERT, no HTTP, no checks), and the same
 *    records put through the embedded database (h13's `node:sqlite` store) when it is present.
 * 2. Dashboard queries over 100,000 visits (seeded by multi-row INSERT): p95 of the desk request
 *    through HTTP right after new reports arrive (rows refreshed incrementally) and with no change;
 *    the first request of a process (every row read once) is shown apart.
 *    Target ≤ 200 ms p95. Baseline: one SQL GROUP BY over the same table.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { addAccount, addProgramme, enrolKey } from '../../main/server/admin.js';
import { openDb, type Db } from '../../main/server/db.js';
import { keyIdOf, publicKeyFile, type InstallationKey } from '../../main/service/inbox/keys.js';
import type { InboxStore, VisitRecord } from '../../main/service/inbox/store-types.js';
import { signVisit } from '../../main/service/reports/signed-json.js';
import { sampleVisit } from '../../tests/fixtures/visits/sample.js';
import { freePort, startPostgres } from '../../tests/helpers/postgres.js';
import { factsOf } from '../../tests/main/server/store-suite.js';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(root, 'out', 'cli', 'xaso.js');
const UPLOADERS = 20;
const PER_UPLOADER = 500;
const DESK_VISITS = 100_000;
const PASSWORD = 'bench-mật-khẩu-dài-2026';

const pct = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (x: number): string => `${x.toFixed(1).padStart(7)} ms`;

function newKey(): InstallationKey {
  const pair = generateKeyPairSync('ed25519');
  return {
    keyId: keyIdOf(pair.publicKey),
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    createdAt: new Date().toISOString(),
  };
}

async function startServer(url: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [cli, 'serve'], {
    env: { ...process.env, DATABASE_URL: url, XASO_LISTEN: `127.0.0.1:${port}`, XASO_LANG: 'en' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => c.toString().includes('running') && resolve());
    child.once('exit', (code) => reject(new Error(`xaso serve exited ${code}`)));
  });
  return child;
}

type Sealed = { bytes: Buffer; record: VisitRecord };

function seal(keys: readonly InstallationKey[]): Sealed[][] {
  return keys.map((key, u) =>
    Array.from({ length: PER_UPLOADER }, (_, i) => {
      const id = `bench-u${String(u).padStart(2, '0')}-${String(i).padStart(4, '0')}`;
      const visit = sampleVisit({
        id,
        machines: 3,
        commune: `Xã số ${(u * 7 + i) % 40}`,
        province: 'Cần Thơ',
        date: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        intern: `Sinh viên ${u}`,
      });
      const envelope = signVisit(visit, key, {
        exportedAt: new Date().toISOString(),
        appVersion: 'bench',
      });
      const bytes = Buffer.from(JSON.stringify(envelope), 'utf8');
      const record: VisitRecord = {
        visitId: id,
        keyId: key.keyId,
        digest: envelope.integrity.digest,
        fileHash: id.padEnd(64, '0'),
        fileName: `${id}.json`,
        exportedAt: envelope.exportedAt,
        exportedAtMs: Date.parse(envelope.exportedAt),
        importedAt: new Date().toISOString(),
        raw: bytes,
        facts: factsOf(id, visit.commune.name, visit.onSite.date),
        verdict: 'accepted',
      };
      return { bytes, record };
    }),
  );
}

async function uploads(base: string, sealed: Sealed[][], db: Db): Promise<void> {
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  await Promise.all(
    sealed.map(async (mine) => {
      for (const { bytes } of mine) {
        const t0 = performance.now();
        const response = await fetch(`${base}/api/v1/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: bytes,
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (response.status !== 201) errors += 1;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const total = UPLOADERS * PER_UPLOADER;
  const [counts] = await db.query<{ uploads: number; hashes: number; visits: number }>(
    `SELECT (SELECT count(*)::int FROM uploads) AS uploads,
       (SELECT count(DISTINCT file_hash)::int FROM uploads) AS hashes,
       (SELECT count(*)::int FROM visits) AS visits`,
  );
  const once = counts!.uploads === total && counts!.hashes === total && counts!.visits === total;
  const rate = total / seconds;
  const p95 = pct(latencies, 95);
  console.log(
    `${UPLOADERS} uploaders × ${PER_UPLOADER} reports (${(sealed[0]![0]!.bytes.length / 1024).toFixed(0)} KiB each) over loopback HTTP, verified and stored in PostgreSQL`,
  );
  console.log(
    `  stored exactly once: ${once ? 'yes' : 'NO'} (${counts!.uploads} uploads, ${counts!.hashes} distinct hashes, ${counts!.visits} visits; ${errors} non-201 answers)`,
  );
  console.log(
    `  latency p50 ${ms(pct(latencies, 50))}  p95 ${ms(p95)}  max ${ms(Math.max(...latencies))}   p95/target ${(p95 / 200).toFixed(2)} ${p95 <= 200 ? 'OK' : 'SLOW'}`,
  );
  console.log(
    `  throughput ${rate.toFixed(0)} reports/s in ${seconds.toFixed(1)} s   target/rate ${(100 / rate).toFixed(2)} ${rate >= 100 ? 'OK' : 'SLOW'}`,
  );
  // The same resent: answered from the receipt, nothing stored.
  const t0 = performance.now();
  const again = await fetch(`${base}/api/v1/reports`, {
    method: 'POST',
    body: sealed[0]![0]!.bytes,
  });
  console.log(
    `  a resent report: HTTP ${again.status} (same receipt) in ${ms(performance.now() - t0)}`,
  );
}

async function baselines(url: string, sealed: Sealed[][]): Promise<void> {
  const records = sealed.flat().map((s) => s.record);
  const db = openDb({ url, maxConnections: 2 });
  await db.query('CREATE TABLE baseline (id text PRIMARY KEY, facts jsonb, raw bytea)');
  const t0 = performance.now();
  for (let i = 0; i < records.length; i += 500) {
    const chunk = records.slice(i, i + 500);
    const values: unknown[] = [];
    const tuples = chunk.map((r, j) => {
      values.push(r.visitId, JSON.stringify(r.facts), Buffer.from(r.raw));
      return `($${j * 3 + 1}, $${j * 3 + 2}, $${j * 3 + 3})`;
    });
    await db.query(`INSERT INTO baseline VALUES ${tuples.join(', ')}`, values);
  }
  const pgMs = performance.now() - t0;
  await db.close();
  console.log(
    `  baseline: the same ${records.length} rows by multi-row INSERT straight into PostgreSQL (no HTTP, no checks): ${ms(pgMs)} (${(records.length / (pgMs / 1000)).toFixed(0)} rows/s)`,
  );
  const sqliteModule = path.join(root, 'main', 'service', 'inbox', 'sqlite-store.ts');
  if (!existsSync(sqliteModule)) {
    console.log('  embedded database (node:sqlite store) not in this tree: no comparison');
    return;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'xaso-bench-sqlite-'));
  try {
    const mod = (await import(sqliteModule)) as {
      SqliteInboxStore: new (file: string) => InboxStore;
    };
    const store = new mod.SqliteInboxStore(path.join(dir, 'inbox.sqlite'));
    await store.migrate();
    const t1 = performance.now();
    await store.transaction(async () => {
      for (const r of records) await store.putVisit(r);
    });
    const sqliteMs = performance.now() - t1;
    await store.close();
    console.log(
      `  embedded database: the same ${records.length} records through the node:sqlite store (one transaction, no HTTP): ${ms(sqliteMs)} (${(records.length / (sqliteMs / 1000)).toFixed(0)} rows/s)`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function seedDesk(db: Db, programme: string): Promise<void> {
  for (let i = 0; i < DESK_VISITS; i += 1000) {
    const values: unknown[] = [programme];
    const tuples: string[] = [];
    for (let j = i; j < i + 1000; j += 1) {
      const id = `seed-${String(j).padStart(6, '0')}`;
      const date = `202${5 + (j % 2)}-${String((j % 12) + 1).padStart(2, '0')}-${String((j % 28) + 1).padStart(2, '0')}`;
      values.push(id, JSON.stringify(factsOf(id, `Xã số ${j % 500}`, date)));
      const b = values.length - 1;
      tuples.push(
        `($1, $${b}, 'aaaaaaaaaaaaaaaa', 'd', 'h-' || $${b}, 'f.json', '2026-01-01T00:00:00Z', 0, '2026-01-02T00:00:00Z', 'accepted', $${b + 1}::jsonb, '\\x7b7d')`,
      );
    }
    await db.query(
      `INSERT INTO visits (programme_id, visit_id, key_id, digest, file_hash, file_name, exported_at,
         exported_at_ms, imported_at, verdict, facts, raw) VALUES ${tuples.join(', ')}`,
      values,
    );
  }
  await db.query('UPDATE programmes SET version = version + 1 WHERE id = $1', [programme]);
}

async function desk(base: string, db: Db): Promise<void> {
  await addProgramme(db, 'desk-100k', 'Desk bench', 'bench');
  await addAccount(
    db,
    {
      username: 'bench-admin',
      displayName: 'Bench',
      role: 'admin',
      password: PASSWORD,
      programmes: [],
    },
    'bench',
  );
  const t0 = performance.now();
  await seedDesk(db, 'desk-100k');
  const seedMs = performance.now() - t0;
  const login = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench-admin', password: PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const get = async (): Promise<number> => {
    const s = performance.now();
    const r = await fetch(`${base}/api/v1/programmes/desk-100k/desk?from=2026-01-01`, {
      headers: { cookie },
    });
    const body = (await r.json()) as { value?: { visits: number } };
    if (body.value === undefined) throw new Error(`desk failed: ${JSON.stringify(body)}`);
    return performance.now() - s;
  };
  const first = await get();
  const warm: number[] = [];
  const afterWrites: number[] = [];
  for (let round = 0; round < 20; round += 1) {
    // Five new reports arrive between two looks at the desk (rows written as an upload does).
    for (let k = 0; k < 5; k += 1) {
      const id = `late-${round}-${k}`;
      await db.query(
        `INSERT INTO visits (programme_id, visit_id, key_id, digest, file_hash, file_name,
           exported_at, exported_at_ms, imported_at, verdict, facts, raw)
         VALUES ('desk-100k', $1, 'aaaaaaaaaaaaaaaa', 'd', $1, 'f.json', '2026-01-01T00:00:00Z', 0,
           '2026-01-02T00:00:00Z', 'accepted', $2::jsonb, '\\x7b7d')`,
        [id, JSON.stringify(factsOf(id, 'Xã số 1', '2026-06-01'))],
      );
    }
    afterWrites.push(await get());
    for (let i = 0; i < 4; i += 1) warm.push(await get());
  }
  const sqlRuns: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const s = performance.now();
    await db.query(
      `SELECT commune, count(*) FROM visits WHERE programme_id = 'desk-100k' AND visit_date >= '2026-01-01' GROUP BY commune`,
    );
    sqlRuns.push(performance.now() - s);
  }
  const p95 = pct(warm, 95);
  console.log(
    `Desk over ${DESK_VISITS.toLocaleString('en')} visits (seeded by multi-row INSERT in ${(seedMs / 1000).toFixed(1)} s), through HTTP as the browser asks`,
  );
  const p95w = pct(afterWrites, 95);
  console.log(
    `  right after 5 new reports (rows refreshed incrementally): p50 ${ms(pct(afterWrites, 50))}  p95 ${ms(p95w)}   p95/target ${(p95w / 200).toFixed(2)} ${p95w <= 200 ? 'OK' : 'SLOW'}`,
  );
  console.log(
    `  no change since the last look: p50 ${ms(pct(warm, 50))}  p95 ${ms(p95)}   p95/target ${(p95 / 200).toFixed(2)} ${p95 <= 200 ? 'OK' : 'SLOW'}`,
  );
  console.log(`  first request of a server process (reads all 100,000 rows once): ${ms(first)}`);
  console.log(
    `  baseline: one SQL GROUP BY commune over the same rows: p50 ${ms(pct(sqlRuns, 50))}  p95 ${ms(pct(sqlRuns, 95))}`,
  );
}

/** Runs both parts. */
export async function run(): Promise<void> {
  if (!existsSync(cli)) throw new Error('out/cli/xaso.js missing: npm run bench builds it first');
  const cluster = await startPostgres();
  let server: ChildProcess | undefined;
  const db = openDb({ url: cluster.url, maxConnections: 4 });
  try {
    await exec(process.execPath, [cli, 'serve', 'programme', 'bench', '--name', 'Bench'], {
      env: { ...process.env, DATABASE_URL: cluster.url },
    });
    const keys = Array.from({ length: UPLOADERS }, newKey);
    for (const [i, key] of keys.entries())
      await enrolKey(
        db,
        'bench',
        JSON.stringify(publicKeyFile(key, `SV ${i}`)),
        `Sinh viên ${i}`,
        'bench',
        new Date(),
      );
    const sealed = seal(keys);
    const port = await freePort();
    server = await startServer(cluster.url, port);
    const base = `http://127.0.0.1:${port}`;
    await uploads(base, sealed, db);
    await baselines(await cluster.createDatabase('baseline'), sealed);
    await desk(base, db);
  } finally {
    server?.kill('SIGTERM');
    await db.close();
    await cluster.stop();
  }
}
