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
import type { DeskRoster, DeskRows, InboxStore, VisitRow } from './store-types.js';

const DAY = 86_400_000;

type BaseIndicators = Omit<Indicators, 'certificatesExpiring90' | 'certificatesExpired'>;
type BaseOpenItem = Omit<OpenItemRow, 'days'>;
type BaseInternRow = Omit<InternRow, 'daysSinceReport'>;
/** A certificate of a machine in its latest state (its window is counted on the day asked). */
type CertRow = Readonly<{
  commune: string;
  machine: string;
  title: string;
  notAfter: string;
  visitId: string;
}>;

/**
 * The desk without what depends on today's date (plain JSON: an engine may store it). Open items
 * are oldest first; certificates are every one of the machines' latest state.
 */
export type DeskBase = Readonly<{
  filter: DeskFilter;
  indicators: BaseIndicators;
  weeks: readonly WeekRow[];
  causes: readonly CauseRow[];
  openItems: readonly BaseOpenItem[];
  certificates: readonly CertRow[];
  outOfSupport: readonly MachineRow[];
  communes: readonly CommuneRow[];
  communesWithoutVisit: readonly string[];
  interns: readonly BaseInternRow[];
  choices: Desk['choices'];
}>;

/** Default for "interns without a report in N days". */
export const DEFAULT_STALE_DAYS = 14;

type Row = Pick<VisitRow, 'visitId' | 'keyId' | 'exportedAtMs' | 'facts'> & {
  /** The commune's key (`communeKey`), made once per row. */
  place: string;
  trusted: boolean;
  signer: string | undefined;
};

/** A growing figure: a value and the set of visits behind it (none kept when `ids` is off). */
class Acc {
  value = 0;
  private readonly ids: Set<string> | undefined;
  constructor(ids = true) {
    this.ids = ids ? new Set() : undefined;
  }
  add(n: number, visitId: string): void {
    if (n === 0) return;
    this.value += n;
    this.ids?.add(visitId);
  }
  /** A visit behind the figure that adds nothing to its value. */
  note(visitId: string): void {
    this.ids?.add(visitId);
  }
  figure(round = false): Figure {
    return {
      value: round ? Math.round(this.value * 10) / 10 : this.value,
      visits: this.ids === undefined ? [] : [...this.ids],
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
    const { facts: f, place: c } = rows[r]!;
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

/** Whole days from `now` until a certificate's `notAfter` (negative once it has expired). */
export function daysLeft(notAfter: string, now: number): number {
  return Math.floor((Date.parse(notAfter) - now) / DAY);
}

/** The certificate window a count of days left falls in: expired, within 90 days, or later. */
export const certWindow = (left: number): 'expired' | 'within90' | 'later' =>
  left < 0 ? 'expired' : left <= 90 ? 'within90' : 'later';

function daysBetween(fromDate: string, now: number): number {
  return Math.floor((now - Date.parse(`${fromDate.slice(0, 10)}T00:00:00Z`)) / DAY);
}

/**
 * Everything of the desk that does not depend on today's date, from the rows (any order): what
 * an inbox engine may keep until its next write (`InboxStore.deskBase`). {@link finishDesk} adds
 * the ages, the certificate windows and the interns' days since their last report.
 */
export function computeDeskBase(
  input: DeskRows,
  filter: DeskFilter,
  /**
   * Indicators only (the grouped totals): the lists, tables and choices are left empty and the
   * figures carry no visit ids.
   */
  light = false,
): DeskBase {
  // The grouped totals read only the values: no visit ids to keep.
  const acc = (): Acc => new Acc(!light);
  const keyOf = new Map(input.keys.map((k) => [k.keyId, k]));
  const all: Row[] = input.visits.map((v) => {
    const key = keyOf.get(v.keyId);
    return {
      visitId: v.visitId,
      keyId: v.keyId,
      exportedAtMs: v.exportedAtMs,
      facts: v.facts,
      place: communeKey(v.facts),
      trusted: key !== undefined,
      signer: key?.name,
    };
  });
  // Oldest first, once: the latest state and the per-commune rows read in this order.
  const rows = all.filter((r) => matches(r, filter)).sort(byTime);
  const state = latestState(rows);
  // Read from every visit only for the lists and choices (not for the grouped totals).
  const roster = light ? undefined : (input.roster ?? rosterOf(all));

  // Event figures.
  const visits = acc();
  const fixes = acc();
  const pcsFixed = acc();
  const printersFixed = acc();
  const people = acc();
  const byCategory = Object.fromEntries(HELPED_CATEGORIES.map((c) => [c, acc()])) as Record<
    HelpedCategory,
    Acc
  >;
  const days = acc();
  const hours = acc();
  const untrusted = acc();
  const communesVisited = acc();
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
    const day = `${r.place}\u0000${f.date}`;
    if (!seenDays.has(day)) {
      seenDays.add(day);
      days.add(1, f.visitId);
    } else days.note(f.visitId);
    if (f.minutes !== undefined) hours.add(f.minutes / 60, f.visitId);
    if (!r.trusted) untrusted.add(1, f.visitId);
    const c = r.place;
    if (!seenCommunes.has(c)) {
      seenCommunes.add(c);
      communesVisited.add(1, f.visitId);
    } else communesVisited.note(f.visitId);
    if (light) continue;
    const w = isoWeek(f.date);
    let week = weeks.get(w);
    if (week === undefined) weeks.set(w, (week = { visits: acc(), people: acc() }));
    week.visits.add(1, f.visitId);
    week.people.add(helped, f.visitId);
    if (helped === 0) week.people.note(f.visitId);
  }

  // State figures.
  const machines = acc();
  const problems = acc();
  const outOfSupport = acc();
  const printersLow = acc();
  const causes = new Map<string, CauseRow & { acc: Acc }>();
  const certificates: CertRow[] = [];
  const unsupported: MachineRow[] = [];
  for (const { machine: m, visitId, commune } of state.machines) {
    machines.add(1, visitId);
    problems.add(m.tally.problems, visitId);
    for (const p of light ? [] : m.problems) {
      const key = `${p.area}\u0000${p.checkId}`;
      let cause = causes.get(key);
      if (cause === undefined) {
        const tally = acc();
        causes.set(
          key,
          (cause = { area: p.area, title: p.title, count: tally.figure(), acc: tally }),
        );
      }
      cause.acc.add(1, visitId);
    }
    if (m.outOfSupport) {
      outOfSupport.add(1, visitId);
      if (!light) unsupported.push({ commune, machine: m.hostname, detail: m.os, visitId });
    }
    if (m.printersLow.length > 0) printersLow.add(m.printersLow.length, visitId);
    for (const cert of m.certificates)
      certificates.push({
        commune,
        machine: m.hostname,
        title: cert.title,
        notAfter: cert.notAfter,
        visitId,
      });
  }
  // Typed problems: from each commune's newest visit (a later visit reports them again if still there).
  const newest = new Map<string, Row>();
  for (const r of rows) newest.set(r.place, r);
  for (const r of newest.values())
    for (const p of r.facts.typedProblems) {
      const key = `${p.kind}\u0000typed`;
      let cause = causes.get(key);
      if (cause === undefined) {
        const tally = acc();
        causes.set(key, (cause = { area: p.kind, title: '', count: tally.figure(), acc: tally }));
      }
      cause.acc.add(1, r.facts.visitId);
      problems.add(1, r.facts.visitId);
    }

  // Oldest first: the finish's "days open" sorts the same way (an earlier day is more days ago).
  const openItems: BaseOpenItem[] = state.items
    .filter((i) => !i.done)
    .map((i) => ({
      commune: i.commune,
      id: i.id,
      text: i.text,
      since: i.since,
      ...(i.due === undefined ? {} : { due: i.due }),
      visitId: i.visitId,
    }))
    .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
  const open = acc();
  for (const i of openItems) open.add(1, i.visitId);

  const indicators: BaseIndicators = {
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
    outOfSupport: outOfSupport.figure(),
    printersLow: printersLow.figure(),
    untrusted: untrusted.figure(),
  };

  return {
    filter,
    indicators,
    weeks: weekRows(weeks),
    causes: [...causes.values()]
      .map(({ acc, ...c }) => ({ ...c, count: acc.figure() }))
      .sort((a, b) => b.count.value - a.count.value || a.title.localeCompare(b.title, 'vi')),
    openItems,
    certificates,
    outOfSupport: unsupported,
    ...(roster === undefined
      ? {
          communes: [],
          communesWithoutVisit: [],
          interns: [],
          choices: { communes: [], interns: [] },
        }
      : {
          communes: communeRows(rows, state),
          communesWithoutVisit: communesWithout(input, roster, rows),
          interns: internRows(input, roster, rows),
          choices: {
            communes: roster.communes,
            interns: [...new Set([...input.keys.map((k) => k.name), ...roster.interns])].sort(
              (a, b) => a.localeCompare(b, 'vi'),
            ),
          },
        }),
  };
}

/** The desk of today: a {@link computeDeskBase} with the figures that depend on the date. */
export function finishDesk(base: DeskBase, nowDate: Date, staleDays = DEFAULT_STALE_DAYS): Desk {
  const now = nowDate.getTime();
  const openItems: OpenItemRow[] = base.openItems.map((i) => ({
    ...i,
    days: daysBetween(i.since, now),
  }));
  const ages = { '0-7': new Acc(), '8-30': new Acc(), '31-90': new Acc(), '90+': new Acc() };
  for (const i of openItems) {
    const bucket = i.days <= 7 ? '0-7' : i.days <= 30 ? '8-30' : i.days <= 90 ? '31-90' : '90+';
    ages[bucket].add(1, i.visitId);
  }
  const certs90 = new Acc();
  const certsExpired = new Acc();
  const certMonths = new Map<string, Acc>();
  const certificates: MachineRow[] = [];
  for (const cert of base.certificates) {
    const left = daysLeft(cert.notAfter, now);
    const window = certWindow(left);
    if (window === 'expired') certsExpired.add(1, cert.visitId);
    else if (window === 'within90') certs90.add(1, cert.visitId);
    if (left <= 365) {
      const month = left < 0 ? 'expired' : cert.notAfter.slice(0, 7);
      let acc = certMonths.get(month);
      if (acc === undefined) certMonths.set(month, (acc = new Acc()));
      acc.add(1, cert.visitId);
    }
    if (left <= 90)
      certificates.push({
        commune: cert.commune,
        machine: cert.machine,
        detail: `${cert.title} (${cert.notAfter.slice(0, 10)})`,
        days: left,
        visitId: cert.visitId,
      });
  }
  const interns: InternRow[] = base.interns.map(({ visitIds, ...i }) => ({
    ...i,
    ...(i.lastReport === undefined ? {} : { daysSinceReport: daysBetween(i.lastReport, now) }),
    visitIds,
  }));
  return {
    now: nowDate.toISOString(),
    filter: base.filter,
    indicators: {
      ...base.indicators,
      certificatesExpiring90: certs90.figure(),
      certificatesExpired: certsExpired.figure(),
    },
    weeks: base.weeks,
    causes: base.causes,
    openByAge: (Object.keys(ages) as AgeRow['bucket'][]).map((bucket) => ({
      bucket,
      count: ages[bucket].figure(),
    })),
    openItems,
    certificatesByMonth: [...certMonths.entries()]
      .sort(([a], [b]) => (a === 'expired' ? -1 : b === 'expired' ? 1 : a.localeCompare(b)))
      .map(([month, acc]): MonthRow => ({ month, count: acc.figure() })),
    certificates: certificates.sort((a, b) => (a.days ?? 0) - (b.days ?? 0)),
    outOfSupport: base.outOfSupport,
    communes: base.communes,
    communesWithoutVisit: base.communesWithoutVisit,
    interns,
    internsWithoutReport: interns.filter(
      (i) =>
        i.keyId !== undefined && (i.daysSinceReport === undefined || i.daysSinceReport > staleDays),
    ),
    staleDays,
    choices: base.choices,
  };
}

/** Computes the whole desk from the rows (any order). */
export function computeDesk(
  input: DeskRows,
  filter: DeskFilter,
  now: Date,
  staleDays = DEFAULT_STALE_DAYS,
  /** Indicators only (the grouped totals): the lists, tables and choices are left empty. */
  light = false,
): Desk {
  return finishDesk(computeDeskBase(input, filter, light), now, staleDays);
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
    const key = r.place;
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

/** What the desk reads from every visit whatever the filter (choices, last reports), from the rows. */
export function rosterOf(rows: readonly Pick<VisitRow, 'keyId' | 'facts'>[]): DeskRoster {
  const communes = new Set<string>();
  const interns = new Set<string>();
  const lastByKey: Record<string, string> = {};
  for (const r of rows) {
    communes.add(r.facts.commune);
    for (const name of r.facts.interns) interns.add(name);
    const before = lastByKey[r.keyId];
    if (before === undefined || r.facts.date > before) lastByKey[r.keyId] = r.facts.date;
  }
  return {
    communes: [...communes].sort((a, b) => a.localeCompare(b, 'vi')),
    interns: [...interns],
    lastByKey,
  };
}

/** The programme's communes (or, when none are listed, those ever seen) without a visit in the filter. */
function communesWithout(input: DeskRows, roster: DeskRoster, rows: readonly Row[]): string[] {
  const visited = new Set(rows.map((r) => r.facts.commune));
  const listed = input.communes.length > 0 ? input.communes.map((c) => c.name) : roster.communes;
  return [...new Set(listed)]
    .filter((c) => !visited.has(c))
    .sort((a, b) => a.localeCompare(b, 'vi'));
}

function internRows(input: DeskRows, roster: DeskRoster, rows: readonly Row[]): BaseInternRow[] {
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
  const round = (n: number): number => Math.round(n * 100) / 100;
  return [...byName.values()]
    .map((a): BaseInternRow => {
      const last = a.keyId === undefined ? undefined : roster.lastByKey[a.keyId];
      return {
        name: a.name,
        ...(a.keyId === undefined ? {} : { keyId: a.keyId }),
        visits: round(a.visits),
        people: round(a.people),
        hours: round(a.hours),
        ...(last === undefined ? {} : { lastReport: last }),
        visitIds: a.ids,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

const bases = new WeakMap<DeskRows, Map<string, DeskBase>>();
const finished = new WeakMap<DeskBase, Map<string, Desk>>();

/** One text per filter (the same filter, however written, is one key). */
export function filterKey(filter: DeskFilter): string {
  const f: Record<string, unknown> = {};
  for (const k of ['commune', 'from', 'intern', 'province', 'to'] as const)
    if (filter[k] !== undefined) f[k] = filter[k];
  if (filter.trustedOnly === true) f['trustedOnly'] = true;
  return JSON.stringify(f);
}

/** The whole programme (no commune, intern, province or dates), trusted only or not. */
export const isWhole = (filter: DeskFilter): boolean =>
  filter.commune === undefined &&
  filter.intern === undefined &&
  filter.province === undefined &&
  filter.from === undefined &&
  filter.to === undefined;

/**
 * What `make` gives for (`owner`, `key`), computed once while `owner` lives (a rows object, a
 * base): at most `max` keys per owner, then they are forgotten and computed again.
 */
export function remember<O extends object, V>(
  memo: WeakMap<O, Map<string, V>>,
  owner: O,
  key: string,
  max: number,
  make: () => V,
): V {
  let byKey = memo.get(owner);
  if (byKey === undefined) memo.set(owner, (byKey = new Map()));
  let value = byKey.get(key);
  if (value === undefined) {
    if (byKey.size >= max) byKey.clear();
    byKey.set(key, (value = make()));
  }
  return value;
}

/** {@link computeDeskBase}, remembered per rows object and filter. */
export function cachedBase(input: DeskRows, filter: DeskFilter): DeskBase {
  return remember(bases, input, filterKey(filter), 50, () => computeDeskBase(input, filter));
}

/** {@link finishDesk}, remembered per base, staleness and minute. */
function cachedFinish(base: DeskBase, now: Date, staleDays: number): Desk {
  const minute = Math.floor(now.getTime() / 60_000);
  return remember(finished, base, `${staleDays}|${minute}`, 10, () =>
    finishDesk(base, now, staleDays),
  );
}

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
  return cachedFinish(cachedBase(input, filter), now, staleDays);
}

/**
 * The desk of a store. The part that does not depend on the date is kept by the store until its
 * next write (`InboxStore.deskBase`): the whole programme's in its database, so a supervisor who
 * opens the desk the next morning, in a new process, waits for no computation; other filters
 * are computed from the visits the store selects for them.
 */
export async function deskOf(
  store: InboxStore,
  filter: DeskFilter,
  now: Date,
  staleDays = DEFAULT_STALE_DAYS,
): Promise<Desk> {
  const key = filterKey(filter);
  let base = (await store.deskBase?.(key)) as DeskBase | undefined;
  if (base === undefined) {
    const rows = await store.deskRows(filter);
    base = cachedBase(rows, filter);
    await store.keepDeskBase?.(key, base, isWhole(filter), rows);
  }
  return cachedFinish(base, now, staleDays);
}

/** How the rows of each list of the desk are named in a ref (stable across recomputations). */
const ROW_KEYS: Readonly<Record<string, (row: never) => string>> = {
  weeks: (w: WeekRow) => w.week,
  causes: (c: CauseRow) => `${c.area}\u0000${c.title}`,
  openByAge: (a: AgeRow) => a.bucket,
  certificatesByMonth: (m: MonthRow) => m.month,
  communes: (c: CommuneRow) => `${c.commune}\u0000${c.province}`,
  interns: (i: InternRow) => i.name,
};

const isFigure = (v: unknown): v is Figure =>
  typeof v === 'object' && v !== null && 'value' in v && Array.isArray((v as Figure).visits);

const withoutIds = new WeakMap<Desk, Desk>();

/**
 * The desk without the ids behind its figures (2 MB of a 10,000-visit desk): each figure keeps
 * its value and gets a `ref`, the path `inbox:drill` follows to its ids in the same desk.
 */
export function deskWithRefs(desk: Desk): Desk {
  let out = withoutIds.get(desk);
  if (out !== undefined) return out;
  const walk = (value: unknown, path: string[]): unknown => {
    if (isFigure(value)) return { value: value.value, visits: [], ref: JSON.stringify(path) };
    if (Array.isArray(value)) {
      // Only the desk's own lists (top level: not `choices.communes`, a list of names).
      const keyOf = path.length === 1 ? ROW_KEYS[path[0]!] : undefined;
      if (keyOf === undefined) return value;
      return value.map((row: Record<string, unknown>) => {
        const here = [...path, keyOf(row as never)];
        const mapped = walk(row, here) as Record<string, unknown>;
        return 'visitIds' in row ? { ...mapped, visitIds: [], ref: JSON.stringify(here) } : mapped;
      });
    }
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, [...path, k])]));
  };
  out = walk(desk, []) as Desk;
  withoutIds.set(desk, out);
  return out;
}

/** The ids a `ref` of {@link deskWithRefs} names in `desk`, or undefined if it names nothing. */
export function drillOf(desk: Desk, ref: string): readonly string[] | undefined {
  let path: unknown;
  try {
    path = JSON.parse(ref);
  } catch {
    return undefined;
  }
  if (!Array.isArray(path) || path.length > 8 || !path.every((p) => typeof p === 'string'))
    return undefined;
  let here: unknown = desk;
  for (const [depth, segment] of (path as string[]).entries()) {
    if (Array.isArray(here)) {
      const keyOf = depth === 1 ? ROW_KEYS[path[0] as string] : undefined;
      here = keyOf === undefined ? undefined : here.find((row) => keyOf(row as never) === segment);
    } else if (typeof here === 'object' && here !== null && Object.hasOwn(here, segment)) {
      here = (here as Record<string, unknown>)[segment];
    } else return undefined;
  }
  if (isFigure(here)) return here.visits;
  const ids = (here as { visitIds?: unknown } | undefined)?.visitIds;
  return Array.isArray(ids) ? (ids as string[]) : undefined;
}
