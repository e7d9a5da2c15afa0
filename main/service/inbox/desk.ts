/**
 * The supervisor's desk: every figure, computed by pure functions from the rows any inbox engine
 * returns (`InboxStore.deskRows()`), so SQLite and PostgreSQL give the same numbers. How each
 * figure is counted (README, "Bàn làm việc của người hướng dẫn"):
 *
 * - **State figures** (machines, problems, open items, certificates, out of support, printers
 *   low) come from the latest state: per commune, the newest visit (day on site, then export time)
 *   that saw a machine (same asset tag, else same fingerprint) gives that machine's state, and the
 *   newest visit that lists an open item (carried-over items keep their id) gives its state. An
 *   item closed by a later visit is closed; a machine seen on three visits counts once.
 * - **Event figures** (visits, fixes, PCs and printers fixed, people helped, days and hours on
 *   site) add up over the visits in the filter: each happened once.
 * - **Per intern**, a visit of n interns counts 1/n for each of them, so the interns' column adds up
 *   to the programme's total.
 */
import { HELPED_CATEGORIES, type HelpedCategory } from '../visits/schema.js';
import type {
  AgeRow,
  CauseRow,
  CommuneRow,
  Desk,
  DeskFilter,
  Figure,
  Indicators,
  InternRow,
  MachineFacts,
  MachineRow,
  MonthRow,
  OpenItemRow,
  WeekRow,
} from './records.js';
import type { DeskRows, InboxStore, VisitRow } from './store-types.js';

const DAY = 86_400_000;

/** Default for "interns without a report in N days". */
export const DEFAULT_STALE_DAYS = 14;

type Row = Pick<VisitRow, 'visitId' | 'keyId' | 'exportedAtMs' | 'facts'> & {
  trusted: boolean;
  signer: string | undefined;
};

/** A growing figure: a value and the set of visits behind it. */
class Acc {
  value = 0;
  readonly ids = new Set<string>();
  add(n: number, visitId: string): void {
    if (n === 0) return;
    this.value += n;
    this.ids.add(visitId);
  }
  figure(round = false): Figure {
    return {
      value: round ? Math.round(this.value * 10) / 10 : this.value,
      visits: [...this.ids],
    };
  }
}

const communeKey = (f: { commune: string; province: string }): string =>
  `${f.commune}\u0000${f.province}`;

const weeks = new Map<string, string>();

/** ISO 8601 week of a `YYYY-MM-DD` day: `2026-W48`. */
export function isoWeek(date: string): string {
  let week = weeks.get(date);
  if (week === undefined) {
    if (weeks.size > 5000) weeks.clear();
    weeks.set(date, (week = computeWeek(date)));
  }
  return week;
}

function computeWeek(date: string): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const year = d.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week =
    1 + Math.round(((d.getTime() - jan4.getTime()) / DAY - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function matches(row: Row, filter: DeskFilter): boolean {
  const f = row.facts;
  if (filter.from !== undefined && f.date < filter.from) return false;
  if (filter.to !== undefined && f.date > filter.to) return false;
  if (filter.commune !== undefined && f.commune !== filter.commune) return false;
  if (filter.province !== undefined && f.province !== filter.province) return false;
  if (filter.trustedOnly === true && !row.trusted) return false;
  if (
    filter.intern !== undefined &&
    !f.interns.includes(filter.intern) &&
    row.signer !== filter.intern
  )
    return false;
  return true;
}

const byTime = (a: Row, b: Row): number =>
  a.facts.date < b.facts.date
    ? -1
    : a.facts.date > b.facts.date
      ? 1
      : a.exportedAtMs - b.exportedAtMs;

type MachineState = { machine: MachineFacts; visitId: string; commune: string };
type ItemState = {
  id: string;
  text: string;
  done: boolean;
  due: string | undefined;
  since: string;
  visitId: string;
  commune: string;
};

/**
 * The latest state of each machine and open item, per commune (`rows` oldest first). Read newest
 * first, so only the newest state of each is kept (no object per older sighting); an item's
 * `since` walks back to the first visit that recorded it.
 */
function latestState(rows: readonly Row[]): { machines: MachineState[]; items: ItemState[] } {
  const machines = new Map<string, Map<string, MachineState>>();
  const items = new Map<string, Map<string, ItemState>>();
  for (let r = rows.length - 1; r >= 0; r -= 1) {
    const f = rows[r]!.facts;
    const c = communeKey(f);
    if (f.machines.length > 0) {
      let here = machines.get(c);
      if (here === undefined) machines.set(c, (here = new Map()));
      for (const m of f.machines)
        if (!here.has(m.key))
          here.set(m.key, { machine: m, visitId: f.visitId, commune: f.commune });
    }
    if (f.openItems.length > 0) {
      let here = items.get(c);
      if (here === undefined) items.set(c, (here = new Map()));
      for (const item of f.openItems) {
        const newer = here.get(item.id);
        if (newer !== undefined) newer.since = f.date;
        else
          here.set(item.id, {
            id: item.id,
            text: item.text,
            done: item.done,
            due: item.due,
            since: f.date,
            visitId: f.visitId,
            commune: f.commune,
          });
      }
    }
  }
  const flat = <T>(m: Map<string, Map<string, T>>): T[] => {
    const out: T[] = [];
    for (const inner of m.values()) for (const v of inner.values()) out.push(v);
    return out;
  };
  return { machines: flat(machines), items: flat(items) };
}

function daysBetween(fromDate: string, now: number): number {
  return Math.floor((now - Date.parse(`${fromDate.slice(0, 10)}T00:00:00Z`)) / DAY);
}

/** Computes the whole desk from the rows (any order). */
export function computeDesk(
  input: DeskRows,
  filter: DeskFilter,
  nowDate: Date,
  staleDays = DEFAULT_STALE_DAYS,
  /** Indicators only (the grouped totals): the lists, tables and choices are left empty. */
  light = false,
): Desk {
  const now = nowDate.getTime();
  const keyOf = new Map(input.keys.map((k) => [k.keyId, k]));
  const all: Row[] = input.visits.map((v) => {
    const key = keyOf.get(v.keyId);
    return {
      visitId: v.visitId,
      keyId: v.keyId,
      exportedAtMs: v.exportedAtMs,
      facts: v.facts,
      trusted: key !== undefined,
      signer: key?.name,
    };
  });
  // Oldest first, once: the latest state and the per-commune rows read in this order.
  const rows = all.filter((r) => matches(r, filter)).sort(byTime);
  const state = latestState(rows);

  // Event figures.
  const visits = new Acc();
  const fixes = new Acc();
  const pcsFixed = new Acc();
  const printersFixed = new Acc();
  const people = new Acc();
  const byCategory = Object.fromEntries(HELPED_CATEGORIES.map((c) => [c, new Acc()])) as Record<
    HelpedCategory,
    Acc
  >;
  const days = new Acc();
  const hours = new Acc();
  const untrusted = new Acc();
  const communesVisited = new Acc();
  const seenDays = new Set<string>();
  const seenCommunes = new Set<string>();
  const weeks = new Map<string, { visits: Acc; people: Acc }>();
  for (const r of rows) {
    const f = r.facts;
    visits.add(1, f.visitId);
    fixes.add(f.fixes.total, f.visitId);
    pcsFixed.add(f.fixes.pcs, f.visitId);
    printersFixed.add(f.fixes.printers, f.visitId);
    let helped = 0;
    for (const p of f.people) {
      byCategory[p.category].add(p.count, f.visitId);
      helped += p.count;
    }
    people.add(helped, f.visitId);
    const day = `${communeKey(f)}\u0000${f.date}`;
    if (!seenDays.has(day)) {
      seenDays.add(day);
      days.add(1, f.visitId);
    } else days.ids.add(f.visitId);
    if (f.minutes !== undefined) hours.add(f.minutes / 60, f.visitId);
    if (!r.trusted) untrusted.add(1, f.visitId);
    const c = communeKey(f);
    if (!seenCommunes.has(c)) {
      seenCommunes.add(c);
      communesVisited.add(1, f.visitId);
    } else communesVisited.ids.add(f.visitId);
    const w = isoWeek(f.date);
    let week = weeks.get(w);
    if (week === undefined) weeks.set(w, (week = { visits: new Acc(), people: new Acc() }));
    week.visits.add(1, f.visitId);
    week.people.add(helped, f.visitId);
    if (helped === 0) week.people.ids.add(f.visitId);
  }

  // State figures.
  const machines = new Acc();
  const problems = new Acc();
  const outOfSupport = new Acc();
  const printersLow = new Acc();
  const certs90 = new Acc();
  const certsExpired = new Acc();
  const causes = new Map<string, CauseRow & { acc: Acc }>();
  const certMonths = new Map<string, Acc>();
  const certificates: MachineRow[] = [];
  const unsupported: MachineRow[] = [];
  for (const { machine: m, visitId, commune } of state.machines) {
    machines.add(1, visitId);
    problems.add(m.tally.problems, visitId);
    for (const p of m.problems) {
      const key = `${p.area}\u0000${p.checkId}`;
      let cause = causes.get(key);
      if (cause === undefined) {
        const acc = new Acc();
        causes.set(key, (cause = { area: p.area, title: p.title, count: acc.figure(), acc }));
      }
      cause.acc.add(1, visitId);
    }
    if (m.outOfSupport) {
      outOfSupport.add(1, visitId);
      unsupported.push({ commune, machine: m.hostname, detail: m.os, visitId });
    }
    if (m.printersLow.length > 0) printersLow.add(m.printersLow.length, visitId);
    for (const cert of m.certificates) {
      const left = Math.floor((Date.parse(cert.notAfter) - now) / DAY);
      if (left < 0) certsExpired.add(1, visitId);
      else if (left <= 90) certs90.add(1, visitId);
      if (left <= 365) {
        const month = left < 0 ? 'expired' : cert.notAfter.slice(0, 7);
        let acc = certMonths.get(month);
        if (acc === undefined) certMonths.set(month, (acc = new Acc()));
        acc.add(1, visitId);
      }
      if (left <= 90)
        certificates.push({
          commune,
          machine: m.hostname,
          detail: `${cert.title} (${cert.notAfter.slice(0, 10)})`,
          days: left,
          visitId,
        });
    }
  }
  // Typed problems: from each commune's newest visit (a later visit reports them again if still there).
  const newest = new Map<string, Row>();
  for (const r of rows) newest.set(communeKey(r.facts), r);
  for (const r of newest.values())
    for (const p of r.facts.typedProblems) {
      const key = `${p.kind}\u0000typed`;
      let cause = causes.get(key);
      if (cause === undefined) {
        const acc = new Acc();
        causes.set(key, (cause = { area: p.kind, title: '', count: acc.figure(), acc }));
      }
      cause.acc.add(1, r.facts.visitId);
      problems.add(1, r.facts.visitId);
    }

  const openItems: OpenItemRow[] = state.items
    .filter((i) => !i.done)
    .map((i) => ({
      commune: i.commune,
      id: i.id,
      text: i.text,
      since: i.since,
      days: daysBetween(i.since, now),
      ...(i.due === undefined ? {} : { due: i.due }),
      visitId: i.visitId,
    }))
    .sort((a, b) => b.days - a.days);
  const open = new Acc();
  const ages = { '0-7': new Acc(), '8-30': new Acc(), '31-90': new Acc(), '90+': new Acc() };
  for (const i of openItems) {
    open.add(1, i.visitId);
    const bucket = i.days <= 7 ? '0-7' : i.days <= 30 ? '8-30' : i.days <= 90 ? '31-90' : '90+';
    ages[bucket].add(1, i.visitId);
  }

  const indicators: Indicators = {
    visits: visits.figure(),
    communesVisited: communesVisited.figure(),
    machines: machines.figure(),
    problems: problems.figure(),
    openItems: open.figure(),
    fixes: fixes.figure(),
    pcsFixed: pcsFixed.figure(),
    printersFixed: printersFixed.figure(),
    peopleHelped: people.figure(),
    peopleByCategory: Object.fromEntries(
      HELPED_CATEGORIES.map((c) => [c, byCategory[c].figure()]),
    ) as Indicators['peopleByCategory'],
    daysOnSite: days.figure(),
    hoursOnSite: hours.figure(true),
    certificatesExpiring90: certs90.figure(),
    certificatesExpired: certsExpired.figure(),
    outOfSupport: outOfSupport.figure(),
    printersLow: printersLow.figure(),
    untrusted: untrusted.figure(),
  };

  return {
    now: nowDate.toISOString(),
    filter,
    indicators,
    weeks: weekRows(weeks),
    causes: [...causes.values()]
      .map(({ acc, ...c }) => ({ ...c, count: acc.figure() }))
      .sort((a, b) => b.count.value - a.count.value || a.title.localeCompare(b.title, 'vi')),
    openByAge: (Object.keys(ages) as AgeRow['bucket'][]).map((bucket) => ({
      bucket,
      count: ages[bucket].figure(),
    })),
    openItems,
    certificatesByMonth: [...certMonths.entries()]
      .sort(([a], [b]) => (a === 'expired' ? -1 : b === 'expired' ? 1 : a.localeCompare(b)))
      .map(([month, acc]): MonthRow => ({ month, count: acc.figure() })),
    certificates: certificates.sort((a, b) => (a.days ?? 0) - (b.days ?? 0)),
    outOfSupport: unsupported,
    staleDays,
    ...(light
      ? {
          communes: [],
          communesWithoutVisit: [],
          interns: [],
          internsWithoutReport: [],
          choices: { communes: [], interns: [] },
        }
      : {
          communes: communeRows(rows, state),
          communesWithoutVisit: communesWithout(input, all, rows),
          ...internRows(input, all, rows, now, staleDays),
          choices: {
            communes: [...new Set(all.map((r) => r.facts.commune))].sort((a, b) =>
              a.localeCompare(b, 'vi'),
            ),
            interns: [
              ...new Set([
                ...input.keys.map((k) => k.name),
                ...all.flatMap((r) => r.facts.interns),
              ]),
            ].sort((a, b) => a.localeCompare(b, 'vi')),
          },
        }),
  };
}

/** Every week from the first to the last one with a visit (empty weeks shown as 0). */
function weekRows(weeks: Map<string, { visits: Acc; people: Acc }>): WeekRow[] {
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, w]) => ({ week, visits: w.visits.figure(), people: w.people.figure() }));
}

function communeRows(
  rows: readonly Row[],
  state: { machines: MachineState[]; items: ItemState[] },
): CommuneRow[] {
  type Mutable = { -readonly [K in keyof CommuneRow]: CommuneRow[K] } & {
    acc: Acc;
    assess: { date: string; text: string; by?: string }[];
  };
  const out = new Map<string, Mutable>();
  for (const r of rows) {
    const f = r.facts;
    const key = communeKey(f);
    let row = out.get(key);
    if (row === undefined) {
      const acc = new Acc();
      row = {
        lastVisit: f.date,
        commune: f.commune,
        province: f.province,
        visits: acc.figure(),
        openItems: 0,
        machines: 0,
        problems: 0,
        people: 0,
        assessments: [],
        acc,
        assess: [],
      };
      out.set(key, row);
    }
    row.acc.add(1, f.visitId);
    row.lastVisit = f.date;
    row.people += f.people.reduce((n, p) => n + p.count, 0);
    if (f.assessment !== undefined)
      row.assess.push({
        date: f.date,
        text: f.assessment.text,
        ...(f.assessment.by === undefined ? {} : { by: f.assessment.by }),
      });
  }
  const byName = new Map([...out.values()].map((r) => [r.commune, r]));
  for (const m of state.machines) {
    const row = byName.get(m.commune);
    if (row !== undefined) {
      row.machines += 1;
      row.problems += m.machine.tally.problems;
    }
  }
  for (const i of state.items) {
    const row = byName.get(i.commune);
    if (row !== undefined && !i.done) row.openItems += 1;
  }
  return [...out.values()]
    .map(({ acc, assess, ...r }) => ({ ...r, visits: acc.figure(), assessments: assess }))
    .sort((a, b) => a.commune.localeCompare(b.commune, 'vi'));
}

/** The programme's communes (or, when none are listed, those ever seen) without a visit in the filter. */
function communesWithout(input: DeskRows, all: readonly Row[], rows: readonly Row[]): string[] {
  const visited = new Set(rows.map((r) => r.facts.commune));
  const roster =
    input.communes.length > 0 ? input.communes.map((c) => c.name) : all.map((r) => r.facts.commune);
  return [...new Set(roster)]
    .filter((c) => !visited.has(c))
    .sort((a, b) => a.localeCompare(b, 'vi'));
}

function internRows(
  input: DeskRows,
  all: readonly Row[],
  rows: readonly Row[],
  now: number,
  staleDays: number,
): { interns: InternRow[]; internsWithoutReport: InternRow[] } {
  type Acc2 = {
    name: string;
    keyId?: string;
    visits: number;
    people: number;
    hours: number;
    last?: string;
    ids: string[];
  };
  const byName = new Map<string, Acc2>();
  const get = (name: string): Acc2 => {
    let a = byName.get(name);
    if (a === undefined) byName.set(name, (a = { name, visits: 0, people: 0, hours: 0, ids: [] }));
    return a;
  };
  for (const k of input.keys) get(k.name).keyId = k.keyId;
  for (const r of rows) {
    const f = r.facts;
    const names = f.interns.length > 0 ? [...new Set(f.interns)] : [r.signer ?? '—'];
    const share = 1 / names.length;
    const helped = f.people.reduce((n, p) => n + p.count, 0);
    for (const name of names) {
      const a = get(name);
      a.visits += share;
      a.people += helped * share;
      a.hours += ((f.minutes ?? 0) / 60) * share;
      a.ids.push(f.visitId);
    }
  }
  // Last report: the newest visit signed by the intern's enrolled key (any filter but the intern's).
  const lastByKey = new Map<string, string>();
  for (const r of all) {
    const before = lastByKey.get(r.keyId);
    if (before === undefined || r.facts.date > before) lastByKey.set(r.keyId, r.facts.date);
  }
  const round = (n: number): number => Math.round(n * 100) / 100;
  const interns = [...byName.values()]
    .map((a): InternRow => {
      const last = a.keyId === undefined ? undefined : lastByKey.get(a.keyId);
      return {
        name: a.name,
        ...(a.keyId === undefined ? {} : { keyId: a.keyId }),
        visits: round(a.visits),
        people: round(a.people),
        hours: round(a.hours),
        ...(last === undefined
          ? {}
          : { lastReport: last, daysSinceReport: daysBetween(last, now) }),
        visitIds: a.ids,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const internsWithoutReport = interns.filter(
    (i) =>
      i.keyId !== undefined && (i.daysSinceReport === undefined || i.daysSinceReport > staleDays),
  );
  return { interns, internsWithoutReport };
}

const memo = new WeakMap<DeskRows, Map<string, Desk>>();

/**
 * {@link computeDesk}, remembered per rows object, filter, staleness and minute: an engine that
 * returns the same rows object while nothing changed gets repeated dashboard queries for free.
 */
export function cachedDesk(
  input: DeskRows,
  filter: DeskFilter,
  now: Date,
  staleDays = DEFAULT_STALE_DAYS,
): Desk {
  let byKey = memo.get(input);
  if (byKey === undefined) memo.set(input, (byKey = new Map()));
  const key = `${JSON.stringify(filter)}|${staleDays}|${Math.floor(now.getTime() / 60_000)}`;
  let desk = byKey.get(key);
  if (desk === undefined) {
    if (byKey.size > 50) byKey.clear();
    byKey.set(key, (desk = computeDesk(input, filter, now, staleDays)));
  }
  return desk;
}

/** The desk of a store: its rows through {@link computeDesk} (both engines). */
export async function deskOf(
  store: InboxStore,
  filter: DeskFilter,
  now: Date,
  staleDays = DEFAULT_STALE_DAYS,
): Promise<Desk> {
  return cachedDesk(await store.deskRows(), filter, now, staleDays);
}
