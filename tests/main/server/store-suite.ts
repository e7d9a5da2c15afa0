/**
 * One test suite for every engine of the inbox storage interface (main/service/inbox/
 * store-types.ts): the embedded database and PostgreSQL must keep the same rules and give the
 * same rows. Each engine's test file calls `describeInboxStore(name, open)`.
 */
import { describe, expect, it } from 'vitest';

import type { EnrolledKey, VisitFacts } from '../../../main/service/inbox/records.js';
import type { InboxStore, VisitRecord } from '../../../main/service/inbox/store-types.js';

/** Opens a fresh, empty, migrated store (and closes it). */
export type OpenStore = () => Promise<{ store: InboxStore; close: () => Promise<void> }>;

export function factsOf(visitId: string, commune: string, date: string): VisitFacts {
  return {
    visitId,
    commune,
    province: 'Cần Thơ',
    date,
    interns: ['Trần Thị Ánh'],
    machines: [],
    typedProblems: [],
    fixes: { total: 1, pcs: 1, printers: 0 },
    openItems: [{ id: 'oi-1', text: 'Gia hạn chứng thư số', done: false }],
    people: [{ category: 'vneid-level2', role: 'citizen', count: 3, source: 'typed' }],
    checklists: { completed: 1, total: 2 },
  };
}

export function record(
  visitId: string,
  keyId: string,
  overrides: Partial<VisitRecord> = {},
): VisitRecord {
  const raw = new TextEncoder().encode(`{"visit":"${visitId}","ký":"Ánh"}\r\n`);
  return {
    visitId,
    keyId,
    digest: `d-${visitId}`.padEnd(64, '0'),
    fileHash: `h-${visitId}`.padEnd(64, '0'),
    fileName: `${visitId}.json`,
    exportedAt: '2026-11-20T08:00:00.000Z',
    exportedAtMs: Date.parse('2026-11-20T08:00:00.000Z'),
    importedAt: '2026-11-21T08:00:00.000Z',
    raw,
    facts: factsOf(visitId, 'Xã Tân Phước Hưng', '2026-11-20'),
    verdict: 'accepted',
    ...overrides,
  };
}

const KEY_A = 'aaaaaaaaaaaaaaaa';
const KEY_B = 'bbbbbbbbbbbbbbbb';
const key = (keyId: string, name: string): EnrolledKey => ({
  keyId,
  name,
  source: 'fingerprint',
  enrolledAt: '2026-11-01T00:00:00.000Z',
});

export function describeInboxStore(engine: string, open: OpenStore): void {
  describe(`inbox store on ${engine}`, () => {
    const withStore = (fn: (store: InboxStore) => Promise<void>) => async () => {
      const { store, close } = await open();
      try {
        await fn(store);
      } finally {
        await close();
      }
    };

    it(
      'keeps a visit byte for byte with its facts, and replaces it by id',
      withStore(async (store) => {
        const first = record('visit-1', KEY_A);
        await store.putVisit(first);
        const got = await store.getVisit('visit-1');
        expect(Buffer.from(got!.raw).equals(Buffer.from(first.raw))).toBe(true);
        expect(got!.facts).toEqual(first.facts);
        expect(got!.exportedAtMs).toBe(first.exportedAtMs);
        await store.putVisit(record('visit-1', KEY_A, { digest: 'e'.repeat(64) }));
        expect(await store.countVisits()).toBe(1);
        expect((await store.getVisit('visit-1'))!.digest).toBe('e'.repeat(64));
        const { raw: _raw, ...row } = record('visit-1', KEY_A, { digest: 'e'.repeat(64) });
        expect(await store.listVisits()).toEqual([row]);
        await store.removeVisit('visit-1');
        expect(await store.getVisit('visit-1')).toBeUndefined();
      }),
    );

    it(
      'lists visits by id and counts them',
      withStore(async (store) => {
        for (const id of ['visit-c', 'visit-a', 'visit-b']) await store.putVisit(record(id, KEY_A));
        expect((await store.listVisits()).map((v) => v.visitId)).toEqual([
          'visit-a',
          'visit-b',
          'visit-c',
        ]);
        expect(await store.countVisits()).toBe(3);
      }),
    );

    it(
      'rolls a transaction back whole when it fails',
      withStore(async (store) => {
        await expect(
          store.transaction(async () => {
            await store.putVisit(record('visit-t', KEY_A));
            throw new Error('half-way');
          }),
        ).rejects.toThrow('half-way');
        expect(await store.getVisit('visit-t')).toBeUndefined();
        await store.transaction(async () => store.putVisit(record('visit-t', KEY_A)));
        expect(await store.countVisits()).toBe(1);
      }),
    );

    it(
      'enrols, renames and removes keys (listed by name)',
      withStore(async (store) => {
        await store.putKey(key(KEY_B, 'Lê Văn Bình'));
        await store.putKey(key(KEY_A, 'Trần Thị Ánh'));
        expect((await store.listKeys()).map((k) => k.name)).toEqual([
          'Lê Văn Bình',
          'Trần Thị Ánh',
        ]);
        await store.putKey({ ...key(KEY_A, 'Trần Thị Ánh'), publicKeyPem: 'PEM' });
        expect((await store.getKey(KEY_A))!.publicKeyPem).toBe('PEM');
        expect(await store.removeKey(KEY_A)).toBe(true);
        expect(await store.removeKey(KEY_A)).toBe(false);
        expect(await store.getKey(KEY_A)).toBeUndefined();
      }),
    );

    it(
      'holds a conflict apart once per file, and records the decision',
      withStore(async (store) => {
        const held = record('visit-1', KEY_B);
        const conflict = {
          visitId: 'visit-1',
          keptKeyId: KEY_A,
          heldKeyId: KEY_B,
          fileName: 'visit-1.json',
          receivedAt: '2026-11-22T00:00:00.000Z',
          exportedAt: held.exportedAt,
          commune: 'Xã Tân Phước Hưng',
          date: '2026-11-20',
          raw: held.raw,
          facts: held.facts,
          digest: held.digest,
          fileHash: held.fileHash,
          exportedAtMs: held.exportedAtMs,
        };
        const id = await store.addConflict(conflict);
        expect(await store.addConflict(conflict)).toBe(id);
        const [listed] = await store.listConflicts();
        expect(listed).toMatchObject({ id, visitId: 'visit-1', status: 'open' });
        await store.decideConflict(id, 'kept-existing', '2026-11-23T00:00:00.000Z');
        const got = await store.getConflict(id);
        expect(got).toMatchObject({
          status: 'kept-existing',
          decidedAt: '2026-11-23T00:00:00.000Z',
        });
        expect(Buffer.from(got!.raw).equals(Buffer.from(held.raw))).toBe(true);
      }),
    );

    it(
      'keeps the import log newest first, seen files, and the commune roster without repeats',
      withStore(async (store) => {
        await store.log([
          { at: '1', fileName: 'a.json', status: 'accepted', reason: { vi: 'Hợp lệ', en: 'OK' } },
          { at: '2', fileName: 'b.json', status: 'tampered', reason: { vi: 'Sửa', en: 'Edited' } },
        ]);
        expect((await store.listLog(10)).map((e) => e.fileName)).toEqual(['b.json', 'a.json']);
        expect(await store.listLog(1)).toHaveLength(1);
        const seen = {
          path: '/x/a.json',
          size: 10,
          mtimeMs: 5.5,
          fileHash: 'f',
          status: 'accepted' as const,
        };
        await store.putSeenFile(seen);
        expect(await store.getSeenFile('/x/a.json')).toEqual(seen);
        await store.setCommunes([
          { name: 'Xã Vị Thanh', province: 'Cần Thơ' },
          { name: 'Xã Tân Phước Hưng', province: 'Cần Thơ' },
          { name: 'Xã Vị Thanh', province: 'Cần Thơ' },
        ]);
        expect(await store.listCommunes()).toEqual([
          { name: 'Xã Tân Phước Hưng', province: 'Cần Thơ' },
          { name: 'Xã Vị Thanh', province: 'Cần Thơ' },
        ]);
      }),
    );

    it(
      'gives fresh desk rows after every write, and clears visits but not keys',
      withStore(async (store) => {
        await store.putKey(key(KEY_A, 'Trần Thị Ánh'));
        await store.putVisit(record('visit-1', KEY_A));
        expect((await store.deskRows()).visits).toHaveLength(1);
        await store.putVisit(record('visit-2', KEY_A));
        expect((await store.deskRows()).visits).toHaveLength(2);
        await store.clearVisits();
        const rows = await store.deskRows();
        expect(rows.visits).toHaveLength(0);
        expect(rows.keys).toHaveLength(1);
      }),
    );
  });
}
