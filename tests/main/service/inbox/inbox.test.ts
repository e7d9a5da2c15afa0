/**
 * The supervisor's inbox: many files in one batch, each with its own verdict (never stopping the
 * batch), keys trusted from a key file or on first use, and the aggregates.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defaultEnv } from '../../../../main/service/env.js';
import type { Aggregate, ImportResult } from '../../../../main/service/inbox/contract.js';
import { createService, type Service } from '../../../../main/service/index.js';
import { payloadDigest } from '../../../../main/service/reports/signed-json.js';
import { atomicWriteJson } from '../../../../main/service/storage/atomic-json.js';
import { sampleVisit } from '../../../fixtures/visits/sample.js';

let dir = '';
const NOW = new Date('2026-11-25T00:00:00Z');

function serviceAt(name: string): Service {
  return createService(
    defaultEnv({
      dataDir: path.join(dir, name),
      door: 'test',
      version: '0.1.0-test',
      now: () => NOW,
    }),
  );
}

async function call<T>(service: Service, channel: string, payload: unknown): Promise<T> {
  const result = await service.invokeUnknown(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** An intern's installation exports a visit as signed JSON into `out`. */
async function exportVisit(
  intern: Service,
  visit: ReturnType<typeof sampleVisit>,
  out: string,
): Promise<void> {
  const file = path.join(dir, `src-${visit.id}.json`);
  await atomicWriteJson(file, visit);
  await call(intern, 'reports:export', { ref: { file }, format: 'json', out });
}

let anh: Service;
let binh: Service;
let supervisor: Service;
const files: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'xaso-inbox-'));
  anh = serviceAt('anh');
  binh = serviceAt('binh');
  supervisor = serviceAt('supervisor');
  const batch = path.join(dir, 'batch');
  await mkdir(batch);
  const v = (id: string, commune: string, province: string, date: string, intern: string) =>
    sampleVisit({ id, commune, province, date, intern, machines: 4 });
  await exportVisit(
    anh,
    v('visit-a1-xxxx', 'Xã Tân Phước Hưng', 'Cần Thơ', '2026-10-05', 'Trần Thị Ánh'),
    (files.a1 = path.join(batch, 'a1.json')),
  );
  await exportVisit(
    anh,
    v('visit-a2-xxxx', 'Xã Vị Thanh', 'Cần Thơ', '2026-11-12', 'Trần Thị Ánh'),
    (files.a2 = path.join(batch, 'a2.json')),
  );
  await exportVisit(
    binh,
    v('visit-b1-xxxx', 'Phường Bến Nghé', 'TP Hồ Chí Minh', '2026-11-18', 'Lê Văn Bình'),
    (files.b1 = path.join(dir, 'b1.json')),
  );
  const good = await readFile(files.a2, 'utf8');
  await writeFile(
    (files.notJson = path.join(batch, 'z-not-json.json')),
    '{"format": "xaso.visit-export", ',
  );
  await writeFile(
    (files.foreign = path.join(batch, 'z-foreign.json')),
    JSON.stringify({ hello: 'world' }),
  );
  await writeFile(
    (files.oneByte = path.join(batch, 'z-one-byte.json')),
    good.replace('Xã Vị Thanh', 'Xã Vị Thành'),
  );
  const forged = JSON.parse(good);
  forged.visit.timeSpentMinutes = 1;
  forged.integrity.digest = payloadDigest(forged);
  await writeFile((files.forged = path.join(batch, 'z-forged.json')), JSON.stringify(forged));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('inbox import', () => {
  it('gives each file its own verdict and never stops the batch', async () => {
    const events: unknown[] = [];
    const result = await supervisor.invoke(
      'inbox:import',
      { paths: [path.join(dir, 'batch'), path.join(dir, 'missing.json')] },
      { onProgress: (e) => events.push(e) },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const { verdicts, counts } = result.value as ImportResult;
    const by = Object.fromEntries(verdicts.map((v) => [path.basename(v.name), v]));
    expect(by['a1.json']).toMatchObject({ status: 'unknown-key', commune: 'Xã Tân Phước Hưng' });
    expect(by['a2.json']?.status).toBe('unknown-key');
    expect(by['z-not-json.json']).toMatchObject({
      status: 'refused',
      reason: { vi: expect.stringMatching(/Không phải JSON/) },
    });
    expect(by['z-foreign.json']).toMatchObject({
      status: 'refused',
      reason: { en: expect.stringMatching(/Not a Xã Số report/) },
    });
    expect(by['z-one-byte.json']).toMatchObject({
      status: 'refused',
      reason: { en: expect.stringMatching(/digest does not match/) },
    });
    expect(by['z-forged.json']).toMatchObject({
      status: 'tampered',
      reason: { en: expect.stringMatching(/Signature does not match/) },
    });
    expect(by['missing.json']).toMatchObject({
      status: 'refused',
      reason: { en: expect.stringMatching(/Cannot read/) },
    });
    expect(counts).toMatchObject({ 'unknown-key': 2, refused: 4, tampered: 1 });
    expect(events.length).toBe(verdicts.length);
  });

  it('trusts an intern from the key file, and marks a key trusted on first use', async () => {
    const key = await call<{ keyId: string; text: string }>(anh, 'keys:export-public', {
      out: path.join(dir, 'anh.key.json'),
      label: 'Trần Thị Ánh',
    });
    const trusted = await call<{ keyId: string; source: string }>(supervisor, 'keys:trust', {
      file: path.join(dir, 'anh.key.json'),
    });
    expect(trusted).toMatchObject({ keyId: key.keyId, source: 'imported' });
    const again = await call<ImportResult>(supervisor, 'inbox:import', {
      paths: [files.a1!, files.b1!],
      trustOnFirstUse: true,
    });
    expect(again.verdicts.map((v) => v.status)).toEqual(['duplicate', 'first-use']);
    const refreshed = await call<ImportResult>(supervisor, 'inbox:import', {
      uploads: [{ name: 'a2.json', text: await readFile(files.a2!, 'utf8') }],
    });
    expect(refreshed.verdicts[0]?.status).toBe('duplicate');
    const list = await call<{ trusted: Array<{ keyId: string; source: string }> }>(
      supervisor,
      'keys:list',
      {},
    );
    expect(list.trusted.map((k) => k.source).sort()).toEqual(['first-use', 'imported']);
  });

  it('refuses a key file whose key id does not match its key', async () => {
    const text = (await readFile(path.join(dir, 'anh.key.json'), 'utf8')).replace(
      /"keyId": "[0-9a-f]+"/,
      '"keyId": "0000000000000000"',
    );
    const result = await supervisor.invoke('keys:trust', { text });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe('inbox aggregates', () => {
  it('adds up per province, intern and month with the action lists', async () => {
    const byProvince = await call<Aggregate>(supervisor, 'inbox:aggregate', {
      groupBy: 'province',
    });
    expect(byProvince.rows.map((r) => [r.key, r.visits, r.machines])).toEqual([
      ['Cần Thơ', 2, 8],
      ['TP Hồ Chí Minh', 1, 4],
    ]);
    // sampleSnapshot: machines 0 and 2 run Windows 10 (out of support); machine 1 has a certificate
    // ending 2026-12-15 (20 days after NOW); machine 2's printer is at 5 %.
    expect(byProvince.total).toMatchObject({
      visits: 3,
      outOfSupport: 6,
      certs30: 3,
      printersLow: 3,
      fixes: 3,
      peopleOfficial: 9,
      peopleCitizen: 36,
    });
    expect(byProvince.certificates[0]).toMatchObject({ days: 20, machine: 'UBND-KT-01' });
    expect(byProvince.total.untrusted).toBe(0); // Ánh's key was trusted after her files came in
    const byIntern = await call<Aggregate>(supervisor, 'inbox:aggregate', { groupBy: 'intern' });
    expect(byIntern.rows.find((r) => r.key === 'Trần Thị Ánh')?.visits).toBe(2);
    const byMonth = await call<Aggregate>(supervisor, 'inbox:aggregate', {
      groupBy: 'month',
      from: '2026-11-01',
    });
    expect(byMonth.rows.map((r) => [r.key, r.visits])).toEqual([['2026-11', 2]]);
  });

  it('exports the aggregate to XLSX', async () => {
    const out = path.join(dir, 'agg.xlsx');
    await call(supervisor, 'inbox:export-aggregate', { groupBy: 'province', out });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const totals = book.getWorksheet('Tổng hợp')!;
    expect(totals.getRow(2).getCell(1).value).toBe('Cần Thơ');
    expect(totals.getRow(2).getCell(2).value).toBe(2);
    expect(book.getWorksheet('Chứng thư số')!.rowCount).toBe(4);
  });
});

describe('reports from the inbox', () => {
  it('re-exports an imported visit, and refuses a copy edited on disk', async () => {
    const out = path.join(dir, 'from-inbox.pdf');
    const result = await call<{ file: string; bytes: number }>(supervisor, 'inbox:report', {
      visitId: 'visit-a1-xxxx',
      format: 'pdf',
      out,
    });
    expect(result.bytes).toBeGreaterThan(10_000);
    const json = await call<{ contentBase64: string }>(supervisor, 'inbox:report', {
      visitId: 'visit-a1-xxxx',
      format: 'json',
      inline: true,
    });
    expect(
      JSON.parse(Buffer.from(json.contentBase64, 'base64').toString('utf8')).integrity.keyId,
    ).toBe(JSON.parse(await readFile(files.a1!, 'utf8')).integrity.keyId);
    const entries = await call<Array<{ visitId: string; stored: { batch: string } }>>(
      supervisor,
      'inbox:list',
      {},
    );
    const batch = path.join(
      dir,
      'supervisor',
      'inbox',
      'batches',
      entries.find((e) => e.visitId === 'visit-a1-xxxx')!.stored.batch,
    );
    await writeFile(
      batch,
      (await readFile(batch, 'utf8')).replace('Xã Tân Phước Hưng', 'Xã Tân Phước Hưnh'),
    );
    const refused = await supervisor.invoke('inbox:report', {
      visitId: 'visit-a1-xxxx',
      format: 'pdf',
      inline: true,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'io-error' } });
  });
});

describe('facts from real probe values', () => {
  it('reads os.version supportEnd, printer supplies/reasons and certificate notAfter', async () => {
    const { visitFacts } = await import('../../../../main/service/inbox/facts.js');
    const base = sampleVisit({ machines: 0, date: '2026-11-20' });
    const t = (vi: string) => ({ vi, en: vi });
    const snapshot = {
      schema: 1 as const,
      takenAt: '2026-11-20T08:00:00Z',
      durationMs: 1,
      platform: 'win32' as const,
      osName: 'Windows 10 Pro 22H2',
      machine: { fingerprint: 'abc', hostname: 'MAY-01' },
      summary: { ok: 0, warn: 3, fail: 1, unknown: 0 },
      checks: [
        {
          id: 'os.version',
          area: 'os',
          status: 'fail' as const,
          title: t('Windows'),
          detail: t('hết hỗ trợ'),
          values: { supportEnd: '2025-10-14' },
        },
        {
          id: 'printers.printer.HP',
          area: 'printers',
          status: 'warn' as const,
          title: t('Máy in "HP"'),
          detail: t('mực'),
          values: { supplies: [{ name: 'Black', type: 'toner', levelPercent: 4 }] },
        },
        {
          id: 'printers.printer.Canon',
          area: 'printers',
          status: 'warn' as const,
          title: t('Máy in "Canon"'),
          detail: t('mực'),
          values: {
            reasons: ['marker-supply-low-warning'],
            supplies: [{ name: 'K', type: 'toner', levelPercent: -1 }],
          },
        },
        {
          id: 'signature.token-cert.ab12',
          area: 'signature',
          status: 'warn' as const,
          title: t('Chứng thư số: Lê Văn Cường'),
          detail: t('sắp hết hạn'),
          values: { notAfter: '2026-12-01T00:00:00.000Z', daysLeft: 11 },
        },
      ],
    };
    const facts = visitFacts({
      ...base,
      machines: [{ snapshot, addedAt: '2026-11-20T08:00:00Z' }],
    });
    expect(facts.outOfSupport).toEqual([{ machine: 'MAY-01', os: 'Windows 10 Pro 22H2' }]);
    expect(facts.printersLow.map((p) => p.title)).toEqual(['Máy in "HP"', 'Máy in "Canon"']);
    expect(facts.certificates).toEqual([
      {
        machine: 'MAY-01',
        title: 'Chứng thư số: Lê Văn Cường',
        notAfter: '2026-12-01T00:00:00.000Z',
      },
    ]);
  });
});
