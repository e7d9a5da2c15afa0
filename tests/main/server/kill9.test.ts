/**
 * Real processes end to end: the built `xaso serve` on a real PostgreSQL, an intern's reports
 * sent by the built CLI (`xaso report --send`) over HTTP, and the server killed with SIGKILL in
 * the middle of the uploads. Every receipt the client got must be in the database; after a
 * restart the same command sends the rest, and each report is stored exactly once.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defaultEnv } from '../../../main/service/env.js';
import { createService, type Service } from '../../../main/service/index.js';
import { atomicWriteJson } from '../../../main/service/storage/atomic-json.js';
import { sampleVisit } from '../../fixtures/visits/sample.js';
import { freePort, startPostgres, type PostgresCluster } from '../../helpers/postgres.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = path.join(root, 'out', 'cli', 'xaso.js');
const node = path.join(root, 'node_modules', '.bin', 'node');
const REPORTS = 120;

let dir = '';
let cluster: PostgresCluster;
let port = 0;
let serverProcess: ChildProcess | undefined;
let db: pg.Client;
const internDir = () => path.join(dir, 'intern');

function env(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: cluster.url,
    XASO_LISTEN: `127.0.0.1:${port}`,
    XASO_DATA_DIR: internDir(),
    XASO_LANG: 'vi',
  };
}

function run(
  args: string[],
  extra: NodeJS.ProcessEnv = {},
): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(node, [cli, ...args], { env: { ...env(), ...extra } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, out: `${stdout}${stderr}` });
    });
  });
}

async function startServer(): Promise<void> {
  const child = spawn(node, [cli, 'serve'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  serverProcess = child;
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('đang chạy')) resolve();
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`xaso serve exited ${code}: ${out}`)));
  });
}

async function call<T>(service: Service, channel: string, payload: unknown): Promise<T> {
  const result = await service.invokeUnknown(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

type State = { fileHash: string; status: string; receipt?: { id: string; fileHash: string } };

async function queueStates(): Promise<State[]> {
  const outbox = path.join(internDir(), 'outbox');
  const names = (await readdir(outbox)).filter((n) => n.endsWith('.state.json'));
  return Promise.all(
    names.map(async (n) => JSON.parse(await readFile(path.join(outbox, n), 'utf8')) as State),
  );
}

beforeAll(async () => {
  if (!existsSync(cli)) throw new Error('out/cli/xaso.js missing: run npm run build first');
  dir = await mkdtemp(path.join(tmpdir(), 'xaso-kill9-'));
  cluster = await startPostgres();
  port = await freePort();
  db = new pg.Client({ connectionString: cluster.url });
  // The intern's app: REPORTS visits sealed into its send queue (the app's own channel).
  const app = createService(
    defaultEnv({ dataDir: internDir(), door: 'test', version: '0.1.0-test' }),
  );
  const key = await call<{ text: string }>(app, 'keys:export-public', {
    out: path.join(dir, 'anh.pub.json'),
    label: 'Ánh',
  });
  expect(key.text).toContain('xaso.public-key');
  for (let i = 0; i < REPORTS; i += 1) {
    const file = path.join(dir, `v${i}.json`);
    await atomicWriteJson(
      file,
      sampleVisit({
        id: `visit-k9-${String(i).padStart(4, '0')}`,
        commune: `Xã số ${i % 17}`,
        province: 'Cần Thơ',
        date: '2026-11-20',
        intern: 'Trần Thị Ánh',
        machines: 3,
      }),
    );
    await call(app, 'outbox:enqueue', { ref: { file } });
  }
  // The operator, on the server machine: schema, programme, the intern's key.
  expect((await run(['serve', 'programme', 'ctu-2026', '--name', 'ĐH Cần Thơ 2026'])).code).toBe(0);
  const enrolled = await run([
    'serve',
    'enrol',
    path.join(dir, 'anh.pub.json'),
    '--programme',
    'ctu-2026',
    '--name',
    'Trần Thị Ánh',
  ]);
  expect(enrolled.code).toBe(0);
  await startServer();
  await db.connect();
}, 180_000);

afterAll(async () => {
  serverProcess?.kill('SIGKILL');
  await db?.end().catch(() => {});
  await cluster?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('kill -9 of xaso serve during uploads', () => {
  it('loses nothing it acknowledged, and stores every report exactly once after a restart', async () => {
    const sending = run(['report', '--send', '--server', `http://127.0.0.1:${port}`]);
    // Kill the server once a few reports are in: the client is in the middle of the rest.
    for (;;) {
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM uploads');
      if (rows[0]!.n >= 10) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    serverProcess!.kill('SIGKILL');
    const first = await sending;
    expect(first.code).toBe(1);
    expect(first.out).toMatch(/Chưa gửi .*đang chờ trong hàng đợi/);
    const acknowledged = (await queueStates()).filter((s) => s.status === 'sent');
    expect(acknowledged.length).toBeGreaterThanOrEqual(10);
    expect(acknowledged.length).toBeLessThan(REPORTS);
    const { rows: stored } = await db.query<{ id: string; file_hash: string }>(
      'SELECT id, file_hash FROM uploads',
    );
    const byHash = new Map(stored.map((r) => [r.file_hash, r.id]));
    for (const s of acknowledged) expect(byHash.get(s.fileHash)).toBe(s.receipt!.id);

    await startServer();
    const second = await run(['report', '--send']);
    expect(second.code).toBe(0);
    const states = await queueStates();
    expect(states.filter((s) => s.status === 'sent')).toHaveLength(REPORTS);
    const { rows } = await db.query<{ n: number; hashes: number; visits: number }>(
      `SELECT (SELECT count(*)::int FROM uploads) AS n,
              (SELECT count(DISTINCT file_hash)::int FROM uploads) AS hashes,
              (SELECT count(*)::int FROM visits) AS visits`,
    );
    expect(rows[0]).toEqual({ n: REPORTS, hashes: REPORTS, visits: REPORTS });
    const { rows: all } = await db.query<{ id: string; file_hash: string }>(
      'SELECT id, file_hash FROM uploads',
    );
    const ids = new Map(all.map((r) => [r.file_hash, r.id]));
    for (const s of states) expect(ids.get(s.fileHash)).toBe(s.receipt!.id);
  });
});
