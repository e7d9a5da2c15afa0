/**
 * The desk a supervisor opens in a new process (`desk.ts` deskOf, `aggregate.ts` aggregateOf,
 * `sqlite-store.ts`): the figures that do not depend on the date are kept until the next write,
 * in the database for the whole programme; filtered desks read only their visits; and every
 * answer is the one `computeDesk` gives from all the rows, whatever was kept, whoever wrote, on
 * whichever day it is asked.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { aggregate, aggregateOf } from '../../../../main/service/inbox/aggregate.js';
import {
  computeDesk,
  computeDeskBase,
  deskOf,
  deskWithRefs,
  drillOf,
  filterKey,
  finishDesk,
} from '../../../../main/service/inbox/desk.js';
import { visitFacts } from '../../../../main/service/inbox/facts.js';
import type { DeskFilter } from '../../../../main/service/inbox/records.js';
import {
  MIGRATIONS,
  SqliteInboxStore,
  inboxDatabaseFile,
} from '../../../../main/service/inbox/sqlite-store.js';
import { listOf, type DeskRows } from '../../../../main/service/inbox/store-types.js';
import { defaultEnv } from '../../../../main/service/env.js';
import { createService } from '../../../../main/service/index.js';
import { generateProgramme } from '../../../helpers/programme.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const programme = generateProgramme({ interns: 8, communes: 6, visits: 150, seed: 3 });
const dirs: string[] = [];
let dataDir = '';

const must = <T>(r: { ok: boolean; value?: T; error?: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
};

/** A store on the inbox file, as a new process opens it (its own connection, nothing read). */
async function reopen(): Promise<SqliteInboxStore> {
  const store = new SqliteInboxStore(inboxDatabaseFile(dataDir));
  await store.migrate();
  return store;
}

/** Every row of the inbox, read afresh: what `computeDesk` is checked against. */
async function allRows(): Promise<DeskRows> {
  const store = await reopen();
  try {
    return await store.deskRows();
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'xaso-desk-kept-'));
  dirs.push(dataDir);
  const service = createService(
    defaultEnv({ dataDir, door: 'test', version: 'test', now: () => NOW }),
  );
  // Two interns enrolled (trusted, named by the supervisor); the others' visits stay unknown-key.
  for (const [i, intern] of programme.interns.slice(0, 2).entries())
    must(
      await service.invoke('keys:enrol', {
        name: `Sinh viên ${i + 1}`,
        fingerprint: intern.key.keyId,
      }),
    );
  must(
    await service.invoke('inbox:import', {
      paths: [],
      uploads: programme.files.slice(0, 140).map((f) => ({ name: f.name, text: f.text })),
    }),
  );
});

afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const communeOf = (i: number): string => programme.communes[i]!;
const filters: readonly DeskFilter[] = [
  {},
  { trustedOnly: true },
  { commune: communeOf(2) },
  { commune: communeOf(4), trustedOnly: true },
  { intern: programme.interns[3]!.name },
  { intern: 'Sinh viên 1' },
  { from: '2026-10-01', to: '2026-10-31' },
  { intern: programme.interns[5]!.name, from: '2026-09-15', to: '2026-11-15' },
  { commune: 'Xã không có trong chương trình' },
];

describe('the desk of a new process', () => {
  it('the import kept the whole programme desk in the database', async () => {
    const db = new DatabaseSync(inboxDatabaseFile(dataDir));
    const kept = db.prepare('SELECT filter_key FROM desk_bases').all();
    db.close();
    expect(kept.map((r) => r['filter_key'])).toEqual([filterKey({})]);
    const store = await reopen();
    expect(await store.deskBase(filterKey({}))).toBeDefined();
    await store.close();
  });

  it.each(filters)('gives the figures computeDesk gives from every row (%j)', async (filter) => {
    const expected = computeDesk(await allRows(), filter, NOW);
    const store = await reopen();
    const desk = await deskOf(store, filter, NOW);
    await store.close();
    expect(desk).toEqual(expected);
  });

  it('a filtered desk reads only the visits it can match, with the roster of all', async () => {
    const store = await reopen();
    const rows = await store.deskRows({ commune: communeOf(1) });
    await store.close();
    expect(rows.roster).toBeDefined();
    expect(new Set(rows.visits.map((v) => v.facts.commune))).toEqual(new Set([communeOf(1)]));
    expect(rows.roster?.communes).toHaveLength(programme.communes.length);
  });

  it('a kept base gives the figures of the day it is asked, not of the day it was kept', async () => {
    const later = new Date('2027-02-20T08:30:00Z');
    const store = await reopen();
    const desk = await deskOf(store, {}, later);
    await store.close();
    const fresh = computeDesk(await allRows(), {}, later);
    expect(desk).toEqual(fresh);
    // The figures that move with the date did move.
    const before = computeDesk(await allRows(), {}, NOW);
    expect(desk.openItems[0]?.days).toBeGreaterThan(before.openItems[0]?.days ?? 0);
  });

  it('finishDesk(computeDeskBase) is computeDesk, and the base survives JSON', async () => {
    const rows = await allRows();
    for (const filter of filters) {
      const base = JSON.parse(JSON.stringify(computeDeskBase(rows, filter))) as ReturnType<
        typeof computeDeskBase
      >;
      expect(finishDesk(base, NOW, 7)).toEqual(computeDesk(rows, filter, NOW, 7));
    }
  });

  it('the aggregates are the ones computed from every row, kept or not', async () => {
    const rows = await allRows();
    for (const groupBy of ['commune', 'intern', 'month'] as const) {
      const expected = aggregate(rows, groupBy, {}, NOW);
      const first = await reopen();
      expect(await aggregateOf(first, groupBy, {}, NOW)).toEqual(expected);
      await first.close();
      const second = await reopen();
      expect(await second.deskBase(`aggregate|${groupBy}|${filterKey({})}`)).toBeDefined();
      expect(await aggregateOf(second, groupBy, {}, NOW)).toEqual(expected);
      await second.close();
    }
  });

  it('the list read from the index is the list of the rows, a page at a time', async () => {
    const rows = await allRows();
    const whole = listOf(rows.visits, rows.keys);
    const store = await reopen();
    const all = await store.listItems({ offset: 0, limit: 1000 });
    expect(all).toEqual({ total: 140, items: whole });
    expect(await store.listItems({ offset: 100, limit: 30 })).toEqual({
      total: 140,
      items: whole.slice(100, 130),
    });
    // The visits behind a figure, in the figure's order; an unknown id is left out.
    const ids = [whole[7]!.visitId, 'visit-khong-co', whole[3]!.visitId];
    expect(await store.listItems({ ids, offset: 0, limit: 10 })).toEqual({
      total: 2,
      items: [whole[7], whole[3]],
    });
    await store.close();
    // The same pages when the rows are in memory (listPage over listOf).
    const warm = await reopen();
    await warm.deskRows();
    expect(await warm.listItems({ offset: 100, limit: 30 })).toEqual({
      total: 140,
      items: whole.slice(100, 130),
    });
    expect(await warm.listItems({ ids, offset: 0, limit: 10 })).toEqual({
      total: 2,
      items: [whole[7], whole[3]],
    });
    await warm.close();
  });
});

describe('what is kept never outlives a write', () => {
  it('a write through the store forgets the kept bases, in memory and in the database', async () => {
    const store = await reopen();
    await deskOf(store, {}, NOW);
    const rows = await store.deskRows();
    const [one] = rows.visits;
    await store.transaction(() => store.removeVisit(one!.visitId));
    expect(await store.deskBase(filterKey({}))).toBeUndefined();
    const desk = await deskOf(store, {}, NOW);
    expect(desk.indicators.visits.value).toBe(139);
    expect(desk.indicators.visits.visits).not.toContain(one!.visitId);
    // Put back as it was (the next tests read 140 visits).
    const record = await (async () => {
      const file = programme.files.find((f) => f.visit.id === one!.visitId)!;
      return {
        ...one!,
        raw: new Uint8Array(Buffer.from(file.text)),
        facts: visitFacts(file.visit),
      };
    })();
    await store.transaction(() => store.putVisit(record));
    expect((await deskOf(store, {}, NOW)).indicators.visits.value).toBe(140);
    await store.close();
  });

  it("another process's write is seen by a process that kept the desk", async () => {
    const app = await reopen();
    const before = await deskOf(app, {}, NOW);
    expect(before.indicators.visits.value).toBe(140);
    // A second connection (the CLI importing while the app is open) adds the last 10 visits.
    const cli = createService(
      defaultEnv({ dataDir, door: 'test', version: 'test', now: () => NOW }),
    );
    const imported = must(
      await cli.invoke('inbox:import', {
        paths: [],
        uploads: programme.files.slice(140).map((f) => ({ name: f.name, text: f.text })),
      }),
    );
    expect(imported.counts['accepted'] + imported.counts['unknown-key']).toBe(10);
    const after = await deskOf(app, {}, NOW);
    expect(after.indicators.visits.value).toBe(150);
    expect(after).toEqual(computeDesk(await allRows(), {}, NOW));
    expect((await app.listItems({ offset: 0, limit: 1000 })).total).toBe(150);
    await app.close();
  });

  it('a base computed from rows a write has replaced is not kept', async () => {
    const store = await reopen();
    const rows = await store.deskRows();
    const base = computeDeskBase(rows, {});
    await store.transaction(() => store.setCommunes([{ name: 'Xã Mới', province: 'Tỉnh X' }]));
    await store.keepDeskBase(filterKey({}), base, true, rows);
    expect(await store.deskBase(filterKey({}))).toBeUndefined();
    expect((await deskOf(store, {}, NOW)).communesWithoutVisit).toEqual(['Xã Mới']);
    await store.transaction(() => store.setCommunes([]));
    await store.close();
  });
});

it('migration 2 fills the new columns of an inbox made before it', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'xaso-desk-v1-'));
  dirs.push(dir);
  const file = path.join(dir, 'inbox.sqlite');
  // An inbox at schema 1, as the previous release wrote it.
  const db = new DatabaseSync(file);
  db.exec(
    'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)',
  );
  db.exec(MIGRATIONS[0]!);
  db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (1, ?)').run(
    NOW.toISOString(),
  );
  const sample = programme.files.slice(0, 5);
  for (const f of sample)
    db.prepare(
      `INSERT INTO visits (visit_id, key_id, digest, file_hash, file_name, exported_at,
         exported_at_ms, imported_at, verdict, facts, raw)
       VALUES (?, ?, 'd', 'h', ?, ?, ?, ?, 'unknown-key', ?, ?)`,
    ).run(
      f.visit.id,
      f.intern.key.keyId,
      f.name,
      NOW.toISOString(),
      NOW.getTime(),
      NOW.toISOString(),
      JSON.stringify(visitFacts(f.visit)),
      Buffer.from(f.text),
    );
  db.close();
  const store = new SqliteInboxStore(file);
  expect(await store.migrate()).toBe(MIGRATIONS.length);
  const target = sample[0]!.visit;
  const selected = await store.deskRows({ commune: target.commune.name });
  expect(selected.visits.map((v) => v.visitId)).toContain(target.id);
  const byIntern = await store.deskRows({ intern: target.interns[0]!.name });
  expect(byIntern.visits.map((v) => v.visitId)).toContain(target.id);
  const { items } = await store.listItems({ ids: [target.id], offset: 0, limit: 10 });
  expect(items[0]?.facts).toEqual({
    commune: target.commune.name,
    province: target.commune.province,
    date: target.onSite.date,
    interns: target.interns.map((i) => i.name),
  });
  await store.close();
});

describe('the desk without its ids (what the desk page asks)', () => {
  it('every figure keeps its value and a ref that gives back exactly its ids', async () => {
    const desk = computeDesk(await allRows(), {}, NOW);
    const light = deskWithRefs(desk);
    expect(JSON.stringify(light).length).toBeLessThan(JSON.stringify(desk).length / 2);
    let figures = 0;
    const walk = (original: unknown, stripped: unknown): void => {
      if (Array.isArray(original))
        return original.forEach((o, i) => walk(o, (stripped as unknown[])[i]));
      if (typeof original !== 'object' || original === null) return;
      const o = original as Record<string, unknown>;
      const s = stripped as Record<string, unknown>;
      if (Array.isArray(o['visits']) && typeof o['value'] === 'number') {
        figures += 1;
        expect(s['value']).toBe(o['value']);
        expect(s['visits']).toEqual([]);
        expect(drillOf(desk, s['ref'] as string)).toEqual(o['visits']);
        return;
      }
      if (Array.isArray(o['visitIds'])) {
        expect(s['visitIds']).toEqual([]);
        expect(drillOf(desk, s['ref'] as string)).toEqual(o['visitIds']);
      }
      for (const k of Object.keys(o)) walk(o[k], s[k]);
    };
    walk(desk, light);
    expect(figures).toBeGreaterThan(50);
    // The same ref names the same figure in a desk computed again (rows by name, not position).
    const again = computeDesk(await allRows(), {}, NOW);
    expect(drillOf(again, light.weeks[2]!.people.ref!)).toEqual(desk.weeks[2]!.people.visits);
  });

  it('a ref that names nothing gives nothing', async () => {
    const desk = computeDesk(await allRows(), {}, NOW);
    for (const ref of [
      'not json',
      '{}',
      '["indicators"]',
      '["choices","communes"]',
      '["__proto__","visits"]',
      '["weeks","2030-W01","visits"]',
      '["interns","Không có ai"]',
      JSON.stringify(Array(9).fill('indicators')),
    ])
      expect(drillOf(desk, ref)).toBeUndefined();
  });

  it('inbox:drill answers a ref of inbox:desk {ids: false}, and refuses a stale one plainly', async () => {
    const service = createService(
      defaultEnv({ dataDir, door: 'test', version: 'test', now: () => NOW }),
    );
    const filter = { commune: communeOf(3) };
    const light = must(await service.invoke('inbox:desk', { ...filter, ids: false }));
    const full = must(await service.invoke('inbox:desk', filter));
    const ref = light.indicators.openItems.ref!;
    const drilled = must(await service.invoke('inbox:drill', { ...filter, ref }));
    expect(drilled.visits).toEqual(full.indicators.openItems.visits);
    const gone = await service.invoke('inbox:drill', {
      ...filter,
      ref: '["weeks","1999-W01","visits"]',
    });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(JSON.stringify(gone)).toMatch(/hãy tải lại bàn làm việc/);
  });
});
