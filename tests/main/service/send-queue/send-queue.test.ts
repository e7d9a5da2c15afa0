/**
 * The send queue of an intern's app against a real collection server on a real PostgreSQL:
 * reports are sealed into the data folder, sent when the server is reachable, retried with
 * backoff while it is not, kept across restarts of the app, and never sent twice.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadServerConfig } from '../../../../main/server/config.js';
import { startCollectionServer, type CollectionServer } from '../../../../main/server/server.js';
import { enrolKey, addProgramme } from '../../../../main/server/admin.js';
import { defaultEnv } from '../../../../main/service/env.js';
import { createService, type Service } from '../../../../main/service/index.js';
import type { QueueState } from '../../../../main/service/send-queue/contract.js';
import { backoffMs } from '../../../../main/service/send-queue/sender.js';
import { atomicWriteJson } from '../../../../main/service/storage/atomic-json.js';
import { sampleVisit } from '../../../fixtures/visits/sample.js';
import { freePort, startPostgres, type PostgresCluster } from '../../../helpers/postgres.js';

let dir = '';
let cluster: PostgresCluster;
let server: CollectionServer | undefined;
let port = 0;
let clock = new Date('2026-11-25T08:00:00.000Z');

async function startServer(): Promise<CollectionServer> {
  const loaded = loadServerConfig(undefined, {
    DATABASE_URL: cluster.url,
    XASO_LISTEN: `127.0.0.1:${port}`,
  });
  if (!loaded.ok) throw new Error(loaded.message.en);
  return startCollectionServer({ config: loaded.config });
}

function app(): Service {
  return createService(
    defaultEnv({
      dataDir: path.join(dir, 'anh'),
      door: 'test',
      version: '0.1.0-test',
      now: () => clock,
    }),
  );
}

async function call<T>(service: Service, channel: string, payload: unknown): Promise<T> {
  const result = await service.invokeUnknown(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function visitFile(id: string, commune: string): Promise<string> {
  const file = path.join(dir, `${id}.json`);
  await atomicWriteJson(
    file,
    sampleVisit({ id, commune, province: 'Cần Thơ', date: '2026-11-20', intern: 'Trần Thị Ánh' }),
  );
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'xaso-outbox-'));
  cluster = await startPostgres();
  port = await freePort();
  server = await startServer();
  const keyText = (await call<{ text: string }>(app(), 'keys:export-public', { label: 'Ánh' }))
    .text;
  await addProgramme(server.db, 'ctu-2026', 'ĐH Cần Thơ 2026', 'test');
  await enrolKey(server.db, 'ctu-2026', keyText, 'Trần Thị Ánh', 'test', clock);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await cluster?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('send queue', () => {
  it('waits in the data folder until a server is set, then sends with a receipt', async () => {
    const anh = app();
    const queued = await call<QueueState>(anh, 'outbox:enqueue', {
      ref: { file: await visitFile('visit-q-0001', 'Xã Tân Phước Hưng') },
    });
    expect(queued.counts).toEqual({ pending: 1, sent: 0, refused: 0 });
    const names = await readdir(path.join(dir, 'anh', 'outbox'));
    expect(names.filter((n) => n.endsWith('.report.json'))).toHaveLength(1);
    const noServer = await call<QueueState>(anh, 'outbox:send', {});
    expect(noServer.counts.pending).toBe(1);
    await call(anh, 'outbox:set-server', { url: server!.url });
    const sent = await call<QueueState>(anh, 'outbox:send', {});
    const [item] = sent.items;
    expect(item).toMatchObject({ status: 'sent', visitId: 'visit-q-0001', attempts: 1 });
    expect(item!.receipt).toMatchObject({ status: 'accepted', programme: 'ctu-2026' });
    const stored = await cluster.psql(
      `SELECT id FROM uploads WHERE file_hash = '${item!.fileHash}'`,
      'xaso',
    );
    expect(stored.trim()).toBe(item!.receipt!.id);
  });

  it('keeps trying with backoff while the server is down, and survives a restart of the app', async () => {
    await server!.close();
    server = undefined;
    const anh = app();
    await call(anh, 'outbox:enqueue', {
      ref: { file: await visitFile('visit-q-0002', 'Xã Vị Thanh') },
    });
    const down = await call<QueueState>(anh, 'outbox:send', {});
    const waiting = down.items.find((i) => i.visitId === 'visit-q-0002')!;
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(waiting.lastError?.vi).toMatch(/Chưa liên lạc được máy chủ/);
    const wait = Date.parse(waiting.nextAttemptAt!) - clock.getTime();
    expect(wait).toBeGreaterThanOrEqual(backoffMs(1) * 0.8);
    expect(wait).toBeLessThanOrEqual(backoffMs(1) * 1.2);
    // Not due yet: a plain send leaves it alone (no attempt counted).
    const early = await call<QueueState>(anh, 'outbox:send', {});
    expect(early.items.find((i) => i.visitId === 'visit-q-0002')!.attempts).toBe(1);
    // The app is closed; the server comes back; a new app process on the same folder sends.
    server = await startServer();
    clock = new Date(clock.getTime() + 60_000);
    const again = await call<QueueState>(app(), 'outbox:send', {});
    expect(again.counts).toEqual({ pending: 0, sent: 2, refused: 0 });
    expect(again.items.find((i) => i.visitId === 'visit-q-0002')!.attempts).toBe(2);
  });

  it('never sends a report twice, and queues the same export once', async () => {
    const anh = app();
    const before = await cluster.psql('SELECT count(*) FROM uploads', 'xaso');
    await call(anh, 'outbox:send', { force: true });
    await call(anh, 'outbox:send', { force: true });
    expect(await cluster.psql('SELECT count(*) FROM uploads', 'xaso')).toBe(before);
    const state = await call<QueueState>(anh, 'outbox:list', {});
    expect(state.items.every((i) => i.attempts <= 2)).toBe(true);
  });

  it('reads a report whose state file was lost as pending (nothing queued is lost)', async () => {
    const anh = app();
    await call(anh, 'outbox:enqueue', {
      ref: { file: await visitFile('visit-q-0003', 'Xã Long Hoà') },
    });
    const state = await call<QueueState>(anh, 'outbox:list', {});
    const item = state.items.find((i) => i.visitId === 'visit-q-0003')!;
    const outbox = path.join(dir, 'anh', 'outbox');
    for (const name of await readdir(outbox))
      if (name.startsWith(`${item.fileHash}.state.json`)) await rm(path.join(outbox, name));
    const relisted = await call<QueueState>(anh, 'outbox:list', {});
    expect(relisted.items.find((i) => i.fileHash === item.fileHash)).toMatchObject({
      status: 'pending',
      visitId: 'visit-q-0003',
      commune: 'Xã Long Hoà',
    });
    const sent = await call<QueueState>(anh, 'outbox:send', {});
    expect(sent.counts.pending).toBe(0);
  });

  it('marks a file the server will never take as refused, with its reason, and stops trying', async () => {
    const anh = app();
    const outbox = path.join(dir, 'anh', 'outbox');
    const bad = '0'.repeat(64);
    await writeFile(path.join(outbox, `${bad}.report.json`), '{"format":"xaso.visit-export"}');
    const state = await call<QueueState>(anh, 'outbox:send', {});
    const item = state.items.find((i) => i.fileHash === bad)!;
    expect(item.status).toBe('refused');
    expect(item.lastError?.vi).toMatch(/Không phải tệp báo cáo Xã Số/);
    const again = await call<QueueState>(anh, 'outbox:send', { force: true });
    expect(again.items.find((i) => i.fileHash === bad)!.attempts).toBe(1);
  });
});
