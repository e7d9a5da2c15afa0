/**
 * What every inbox engine must do (`main/service/inbox/store-types.ts`), as a reusable suite:
 * the SQLite store runs it (tests/main/service/inbox/sqlite-store.test.ts) and the PostgreSQL
 * engine can run the same with its own `make`.
 */
import { describe, expect, it } from 'vitest';

import { visitFacts } from '../../main/service/inbox/facts.js';
import type { InboxStore, VisitRecord } from '../../main/service/inbox/store-types.js';
import { sampleVisit } from '../fixtures/visits/sample.js';

function record(
  id: string,
  keyId: string,
  exportedAtMs: number,
  text = `{"id":"${id}"}`,
): VisitRecord {
  const visit = sampleVisit({ id, machines: 1 });
  return {
    visitId: id,
    keyId,
    digest: `digest-${id}-${exportedAtMs}`,
    fileHash: `hash-${id}`,
    fileName: `${id}.json`,
    exportedAt: new Date(exportedAtMs).toISOString(),
    exportedAtMs,
    importedAt: '2026-11-25T00:00:00.000Z',
    raw: new Uint8Array(Buffer.from(text, 'utf8')),
    facts: visitFacts(visit),
    verdict: 'accepted',
  };
}

/** Runs the conformance suite against stores made by `make` (a fresh, empty store each time). */
export function describeInboxStore(name: string, make: () => Promise<InboxStore>): void {
  describe(`InboxStore conformance: ${name}`, () => {
    it('migrates (again without change) and keeps visits byte for byte', async () => {
      const store = await make();
      const version = await store.migrate();
      expect(await store.migrate()).toBe(version);
      const text = '{"x":"Xã Tiên Yên — ký số ✓","b":"\\u0000"}';
      await store.putVisit(record('visit-aaaa01', 'k1', 1000, text));
      const got = await store.getVisit('visit-aaaa01');
      expect(Buffer.from(got!.raw).toString('utf8')).toBe(text);
      expect(got?.facts.commune).toBe('Xã Tân Phước Hưng');
      expect(await store.headOf?.('visit-aaaa01')).toMatchObject({
        keyId: 'k1',
        exportedAtMs: 1000,
      });
      await store.putVisit(record('visit-aaaa01', 'k1', 2000));
      expect((await store.getVisit('visit-aaaa01'))?.exportedAtMs).toBe(2000);
      expect(await store.countVisits()).toBe(1);
      expect(await store.getVisit('nope-0000')).toBeUndefined();
      await store.close();
    });

    it('keeps seen files, keys, communes and the log; the desk rows follow every write', async () => {
      const store = await make();
      await store.putSeenFile({
        path: '/a.json',
        size: 10,
        mtimeMs: 1.5,
        fileHash: 'h',
        status: 'accepted',
      });
      await store.putSeenFile({
        path: '/a.json',
        size: 11,
        mtimeMs: 2.5,
        fileHash: 'h2',
        status: 'older',
      });
      expect(await store.getSeenFile('/a.json')).toEqual({
        path: '/a.json',
        size: 11,
        mtimeMs: 2.5,
        fileHash: 'h2',
        status: 'older',
      });
      await store.putKey({
        keyId: 'k1',
        name: 'Trần Thị Ánh',
        source: 'fingerprint',
        enrolledAt: 't',
      });
      expect((await store.getKey('k1'))?.publicKeyPem).toBeUndefined();
      await store.putKey({
        keyId: 'k1',
        name: 'Trần Thị Ánh',
        source: 'fingerprint',
        enrolledAt: 't',
        publicKeyPem: 'PEM',
      });
      expect(await store.listKeys()).toEqual([
        {
          keyId: 'k1',
          name: 'Trần Thị Ánh',
          source: 'fingerprint',
          enrolledAt: 't',
          publicKeyPem: 'PEM',
        },
      ]);
      await store.setCommunes([
        { name: 'Xã Hà Lâu', province: 'Quảng Ninh' },
        { name: 'Xã Hà Lâu', province: 'Quảng Ninh' },
      ]);
      expect(await store.listCommunes()).toEqual([{ name: 'Xã Hà Lâu', province: 'Quảng Ninh' }]);
      expect((await store.deskRows()).visits).toHaveLength(0);
      await store.putVisit(record('visit-bbbb01', 'k1', 1));
      const rows = await store.deskRows();
      expect(rows.visits.map((v) => v.visitId)).toEqual(['visit-bbbb01']);
      expect(rows.keys.map((k) => k.name)).toEqual(['Trần Thị Ánh']);
      expect(await store.removeKey('k1')).toBe(true);
      expect(await store.removeKey('k1')).toBe(false);
      expect((await store.deskRows()).keys).toEqual([]);
      await store.log([
        { at: '1', fileName: 'a.json', status: 'accepted', reason: { vi: 'a', en: 'a' } },
        { at: '2', fileName: 'b.json', status: 'refused', reason: { vi: 'b', en: 'b' } },
      ]);
      expect((await store.listLog(1)).map((e) => e.fileName)).toEqual(['b.json']);
      await store.close();
    });

    it('holds conflicts apart once per file, and records the decision', async () => {
      const store = await make();
      const held = record('visit-cccc01', 'attacker', 5);
      const conflict = {
        visitId: held.visitId,
        keptKeyId: 'k1',
        heldKeyId: 'attacker',
        fileName: held.fileName,
        receivedAt: 'now',
        exportedAt: held.exportedAt,
        exportedAtMs: held.exportedAtMs,
        commune: 'Xã Tiên Yên',
        date: '2026-11-20',
        raw: held.raw,
        facts: held.facts,
        digest: held.digest,
        fileHash: held.fileHash,
      };
      const id = await store.addConflict(conflict);
      expect(await store.addConflict(conflict)).toBe(id);
      expect((await store.listConflicts()).map((c) => [c.id, c.status])).toEqual([[id, 'open']]);
      await store.decideConflict(id, 'kept-existing', 'later');
      expect(await store.getConflict(id)).toMatchObject({
        status: 'kept-existing',
        decidedAt: 'later',
        heldKeyId: 'attacker',
      });
      await store.close();
    });

    it('rolls a failed transaction back, and rebuild keeps keys and communes', async () => {
      const store = await make();
      await store.putKey({ keyId: 'k2', name: 'Lê Văn Bình', source: 'qr', enrolledAt: 't' });
      await store.setCommunes([{ name: 'Xã Đông Ngũ', province: '' }]);
      await expect(
        store.transaction(async () => {
          await store.putVisit(record('visit-dddd01', 'k2', 1));
          throw new Error('stop');
        }),
      ).rejects.toThrow('stop');
      expect(await store.getVisit('visit-dddd01')).toBeUndefined();
      expect((await store.deskRows()).visits).toHaveLength(0);
      await store.transaction(() => store.putVisit(record('visit-dddd02', 'k2', 1)));
      await store.transaction(() => store.clearVisits());
      expect(await store.countVisits()).toBe(0);
      expect((await store.listKeys()).map((k) => k.keyId)).toEqual(['k2']);
      expect(await store.listCommunes()).toHaveLength(1);
      await store.close();
    });
  });
}
