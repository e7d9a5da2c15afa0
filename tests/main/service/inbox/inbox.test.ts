/**
 * The supervisor's inbox: many files in one batch, each with its own verdict (never stopping the
 * batch), keys enrolled ahead by the supervisor, conflicts held apart, incremental import and
 * rebuild, the aggregates and the desk's exports.
 */
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defaultEnv } from '../../../../main/service/env.js';
import type { Aggregate, Desk, ImportResult } from '../../../../main/service/inbox/contract.js';
import { createService, type Service } from '../../../../main/service/index.js';
import { closeInboxStore, inboxDatabaseFile } from '../../../../main/service/inbox/sqlite-store.js';
import { payloadDigest, signVisit } from '../../../../main/service/reports/signed-json.js';
import { makeKey } from '../../../helpers/programme.js';
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
  for (const name of ['anh', 'binh', 'supervisor']) await closeInboxStore(path.join(dir, name));
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
    // One event per file, then the desk's figures are added up once.
    expect(events.filter((e) => (e as { event?: string }).event === 'file')).toHaveLength(
      verdicts.length,
    );
    expect(events.at(-1)).toMatchObject({ event: 'aggregate' });
  });

  it('imports the same folder again incrementally: unchanged files are not read again', async () => {
    const again = await call<ImportResult>(supervisor, 'inbox:import', {
      paths: [path.join(dir, 'batch')],
    });
    expect(new Set(again.verdicts.map((v) => v.status))).toEqual(new Set(['unchanged']));
    // Touched but same bytes: read, hashed, still unchanged.
    await utimes(files.a1!, new Date(), new Date('2026-11-01T00:00:00Z'));
    const touched = await call<ImportResult>(supervisor, 'inbox:import', { paths: [files.a1!] });
    expect(touched.verdicts[0]?.status).toBe('unchanged');
    const log = await call<Array<{ status: string }>>(supervisor, 'inbox:log', {});
    expect(log.length).toBe(7);
  });

  it("enrols an intern's key file under the supervisor's name, never the file's label", async () => {
    const key = await call<{ keyId: string; text: string }>(anh, 'keys:export-public', {
      out: path.join(dir, 'anh.key.json'),
      label: 'Lê Văn Bình',
    });
    const enrolled = await call<{ keyId: string; name: string; source: string }>(
      supervisor,
      'keys:enrol',
      { file: path.join(dir, 'anh.key.json'), name: 'Trần Thị Ánh' },
    );
    expect(enrolled).toMatchObject({ keyId: key.keyId, name: 'Trần Thị Ánh', source: 'key-file' });
    const { items: list } = await call<{
      items: Array<{ visitId: string; trust: string; signer?: string }>;
    }>(supervisor, 'inbox:list', {});
    expect(list.find((e) => e.visitId === 'visit-a1-xxxx')).toMatchObject({
      trust: 'enrolled',
      signer: 'Trần Thị Ánh',
    });
    // One name, one key: a second key under the same name is refused.
    const binhKey = await call<{ keyId: string }>(binh, 'keys:export-public', {});
    const same = await supervisor.invoke('keys:enrol', {
      fingerprint: binhKey.keyId,
      name: 'trần thị ánh',
    });
    expect(same).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    // The name is required.
    expect(
      await supervisor.invokeUnknown('keys:enrol', { fingerprint: binhKey.keyId }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('enrols a key by its fingerprint read out, and by the QR text of the app', async () => {
    const binhKeys = await call<{ own: { keyId: string; fingerprint: string; qrText: string } }>(
      binh,
      'keys:list',
      {},
    );
    expect(binhKeys.own.fingerprint).toMatch(/^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);
    const typed = binhKeys.own.fingerprint.toUpperCase().replace(/ /g, '-');
    const byPrint = await call<{ keyId: string; source: string; publicKeyPem?: string }>(
      supervisor,
      'keys:enrol',
      { fingerprint: typed, name: 'Lê Văn Bình' },
    );
    expect(byPrint).toMatchObject({ keyId: binhKeys.own.keyId, source: 'fingerprint' });
    expect(byPrint.publicKeyPem).toBeUndefined();
    const imported = await call<ImportResult>(supervisor, 'inbox:import', { paths: [files.b1!] });
    expect(imported.verdicts[0]).toMatchObject({ status: 'accepted', signer: 'Lê Văn Bình' });
    const qr = await call<{ source: string; publicKeyPem?: string }>(supervisor, 'keys:enrol', {
      qr: binhKeys.own.qrText,
      name: 'Lê Văn Bình',
    });
    expect(qr.source).toBe('qr');
    expect(qr.publicKeyPem).toMatch(/BEGIN PUBLIC KEY/);
    const badQr = await supervisor.invoke('keys:enrol', {
      qr: binhKeys.own.qrText.replace(/:[0-9a-f]{16}:/, ':0000000000000000:'),
      name: 'X',
    });
    expect(badQr).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('refuses a key file whose key id does not match its key', async () => {
    const text = (await readFile(path.join(dir, 'anh.key.json'), 'utf8')).replace(
      /"keyId": "[0-9a-f]+"/,
      '"keyId": "0000000000000000"',
    );
    const result = await supervisor.invoke('keys:enrol', { text, name: 'Ánh' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe('trust that cannot be borrowed', () => {
  it("holds an attacker's re-sealed copy apart as a conflict; it never replaces the visit", async () => {
    const good = JSON.parse(await readFile(files.a2!, 'utf8'));
    const attacker = makeKey();
    const forged = signVisit(
      { ...good.visit, peopleHelped: [{ role: 'citizen', task: 'x', count: 99_999 }] },
      attacker,
      { exportedAt: '2026-11-24T23:59:00.000Z', appVersion: '0.1.0' },
    );
    const file = path.join(dir, 'forged-a2.json');
    await writeFile(file, JSON.stringify(forged));
    const result = await call<ImportResult>(supervisor, 'inbox:import', { paths: [file] });
    expect(result.verdicts[0]).toMatchObject({ status: 'conflict', visitId: 'visit-a2-xxxx' });
    // Once the attacker's key is enrolled (say, by mistake), the copy still does not replace it.
    await call(supervisor, 'keys:enrol', { fingerprint: attacker.keyId, name: 'Người lạ' });
    const again = await call<ImportResult>(supervisor, 'inbox:import', {
      uploads: [{ name: 'forged-again.json', text: JSON.stringify(forged) }],
    });
    expect(again.verdicts[0]?.status).toBe('conflict');
    const desk = await call<Desk>(supervisor, 'inbox:desk', {});
    expect(desk.indicators.peopleHelped.value).toBe(45);
    const conflicts = await call<Array<{ id: number; heldKeyId: string; status: string }>>(
      supervisor,
      'inbox:conflicts',
      {},
    );
    expect(conflicts).toEqual([
      expect.objectContaining({
        heldKeyId: attacker.keyId,
        status: 'open',
        heldSigner: 'Người lạ',
      }),
    ]);
    // The supervisor decides: keep the intern's visit.
    await call(supervisor, 'inbox:resolve-conflict', { id: conflicts[0]!.id, keep: 'existing' });
    const after = await call<Array<{ status: string }>>(supervisor, 'inbox:conflicts', {});
    expect(after[0]?.status).toBe('kept-existing');
    expect(
      await supervisor.invoke('inbox:resolve-conflict', { id: conflicts[0]!.id, keep: 'incoming' }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await call(supervisor, 'keys:untrust', { keyId: attacker.keyId });
  });

  it('refuses an exportedAt that is not a real ISO time or is in the future', async () => {
    const good = JSON.parse(await readFile(files.a1!, 'utf8'));
    const key = makeKey();
    const at = (exportedAt: string) =>
      JSON.stringify(
        signVisit({ ...good.visit, id: 'visit-time-0001' }, key, {
          exportedAt,
          appVersion: '0.1.0',
        }),
      );
    const result = await call<ImportResult>(supervisor, 'inbox:import', {
      uploads: [
        { name: 'tilde.json', text: at('~~~~') },
        { name: 'rollover.json', text: at('2026-02-30T10:00:00.000Z') },
        { name: 'future.json', text: at('2026-11-25T00:10:00.000Z') },
        { name: 'skew.json', text: at('2026-11-25T00:04:00.000Z') },
        { name: 'earlier.json', text: at('2026-11-24T10:00:00.000Z') },
      ],
    });
    expect(result.verdicts.map((v) => v.status)).toEqual([
      'refused',
      'refused',
      'refused',
      'unknown-key',
      'older',
    ]);
    expect(result.verdicts[0]?.reason.vi).toMatch(/không phải thời gian ISO/);
  });
});

describe('the desk and its exports', () => {
  it('adds up per province and intern, sharing a two-intern visit', async () => {
    const byProvince = await call<Aggregate>(supervisor, 'inbox:aggregate', {
      groupBy: 'province',
    });
    expect(byProvince.rows.map((r) => [r.key, r.visits, r.machines])).toEqual([
      ['Cần Thơ', 3, 8],
      ['TP Hồ Chí Minh', 1, 4],
    ]);
    const byIntern = await call<Aggregate>(supervisor, 'inbox:aggregate', { groupBy: 'intern' });
    // Every sample visit lists a second intern, Lê Đức Huỳnh: Ánh gets 1/2 of each of her 3.
    expect(byIntern.rows.find((r) => r.key === 'Trần Thị Ánh')?.visits).toBe(1.5);
    expect(byIntern.rows.find((r) => r.key === 'Lê Đức Huỳnh')?.visits).toBe(2);
  });

  it('exports the whole desk to XLSX and a PDF summary for the province', async () => {
    const out = path.join(dir, 'desk.xlsx');
    await call(supervisor, 'inbox:export-desk', { format: 'xlsx', out });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('Chỉ số')!;
    expect(sheet.getRow(2).getCell(1).value).toBe('Chuyến công tác');
    expect(sheet.getRow(2).getCell(2).value).toBe(4);
    expect(book.getWorksheet('Theo sinh viên')!.rowCount).toBeGreaterThan(2);
    const pdf = await call<{ contentBase64: string }>(supervisor, 'inbox:export-desk', {
      format: 'pdf',
      inline: true,
    });
    expect(Buffer.from(pdf.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('opens an imported visit read-only, and refuses a copy edited in the database', async () => {
    const opened = await call<{ visit: { id: string; commune: { name: string } } }>(
      supervisor,
      'inbox:visit',
      { visitId: 'visit-a1-xxxx' },
    );
    expect(opened.visit.commune.name).toBe('Xã Tân Phước Hưng');
    const json = await call<{ contentBase64: string }>(supervisor, 'inbox:report', {
      visitId: 'visit-a1-xxxx',
      format: 'json',
      inline: true,
    });
    expect(
      JSON.parse(Buffer.from(json.contentBase64, 'base64').toString('utf8')).integrity.keyId,
    ).toBe(JSON.parse(await readFile(files.a1!, 'utf8')).integrity.keyId);
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(inboxDatabaseFile(path.join(dir, 'supervisor')));
    const raw = db.prepare("SELECT raw FROM visits WHERE visit_id = 'visit-a1-xxxx'").get()![
      'raw'
    ] as Uint8Array;
    const edited = Buffer.from(raw)
      .toString('utf8')
      .replace('Xã Tân Phước Hưng', 'Xã Tân Phước Hưnh');
    db.prepare("UPDATE visits SET raw = ? WHERE visit_id = 'visit-a1-xxxx'").run(
      Buffer.from(edited),
    );
    db.close();
    const refused = await supervisor.invoke('inbox:visit', { visitId: 'visit-a1-xxxx' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'io-error' } });
  });

  it('rebuilds the database from the files, keeping the enrolled keys', async () => {
    const rebuilt = await call<ImportResult>(supervisor, 'inbox:rebuild', {
      paths: [path.join(dir, 'batch'), files.b1!],
    });
    expect(rebuilt.counts).toMatchObject({
      accepted: 3,
      'unknown-key': 0,
      refused: 3,
      tampered: 1,
    });
    const { items: list } = await call<{ items: Array<{ visitId: string }> }>(
      supervisor,
      'inbox:list',
      {},
    );
    expect(list.map((e) => e.visitId).sort()).toEqual([
      'visit-a1-xxxx',
      'visit-a2-xxxx',
      'visit-b1-xxxx',
    ]);
    expect((await call<Array<{ status: string }>>(supervisor, 'inbox:conflicts', {})).length).toBe(
      0,
    );
    expect(await call<Desk>(supervisor, 'inbox:visit', { visitId: 'visit-a1-xxxx' })).toBeDefined();
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
    const machine = facts.machines[0]!;
    expect(machine.outOfSupport).toBe(true);
    expect(machine.printersLow).toEqual(['Máy in "HP"', 'Máy in "Canon"']);
    expect(machine.certificates).toEqual([
      { title: 'Chứng thư số: Lê Văn Cường', notAfter: '2026-12-01T00:00:00.000Z' },
    ]);
  });
});
