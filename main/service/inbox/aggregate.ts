/**
 * Totals per province, commune, intern or period (month, quarter, year): the desk's indicators
 * (`desk.ts`) computed over each group's visits, so a group's figures follow the same rules as the
 * desk (latest state per commune and machine; events added once). Per intern, a visit of n interns
 * counts 1/n for each in visits, people helped and hours (the column adds up to the total); the
 * state figures of an intern's group are those of the communes the intern visited.
 */
import { HELPED_CATEGORIES } from '../visits/schema.js';
import {
  cachedBase,
  cachedDesk,
  certWindow,
  computeDeskBase,
  daysLeft,
  type DeskBase,
  deskOf,
  filterKey,
  isWhole,
  remember,
} from './desk.js';
import type { DeskRows, InboxStore, VisitRow } from './store-types.js';
import type { Aggregate, AggregateFilter, AggregateRow, Desk, GroupBy } from './types.js';

export type { Aggregate, AggregateFilter, AggregateRow, GroupBy } from './types.js';

function keysOf(row: VisitRow, groupBy: GroupBy): string[] {
  const f = row.facts;
  const [y, m] = f.date.split('-');
  switch (groupBy) {
    case 'province':
      return [f.province];
    case 'commune':
      return [`${f.commune} — ${f.province}`];
    case 'intern':
      return f.interns.length > 0 ? [...new Set(f.interns)] : ['—'];
    case 'month':
      return [`${y}-${m}`];
    case 'quarter':
      return [`${y}-Q${Math.ceil(Number(m) / 3)}`];
    case 'year':
      return [y ?? '—'];
    default:
      return [groupBy satisfies never];
  }
}

/** A group's figures, all but the certificates' windows (counted on the day asked). */
type GroupRow = Omit<AggregateRow, 'certsExpired' | 'certs90'>;

function groupRowOf(key: string, i: DeskBase['indicators']): GroupRow {
  return {
    key,
    visits: i.visits.value,
    communes: i.communesVisited.value,
    machines: i.machines.value,
    problems: i.problems.value,
    openItems: i.openItems.value,
    fixes: i.fixes.value,
    pcsFixed: i.pcsFixed.value,
    printersFixed: i.printersFixed.value,
    people: i.peopleHelped.value,
    peopleByCategory: Object.fromEntries(
      HELPED_CATEGORIES.map((c) => [c, i.peopleByCategory[c].value]),
    ) as AggregateRow['peopleByCategory'],
    daysOnSite: i.daysOnSite.value,
    hoursOnSite: i.hoursOnSite.value,
    outOfSupport: i.outOfSupport.value,
    printersLow: i.printersLow.value,
    untrusted: i.untrusted.value,
  };
}

/** A row with its certificates counted on `now` (the desk's windows: expired, ≤ 90 days). */
function rowOn(row: GroupRow, notAfter: readonly string[], now: number): AggregateRow {
  let certsExpired = 0;
  let certs90 = 0;
  for (const date of notAfter) {
    const window = certWindow(daysLeft(date, now));
    if (window === 'expired') certsExpired += 1;
    else if (window === 'within90') certs90 += 1;
  }
  return withCerts(row, certsExpired, certs90);
}

/** A row with its certificate counts, in the columns' order. */
function withCerts(row: GroupRow, certsExpired: number, certs90: number): AggregateRow {
  const { outOfSupport, printersLow, untrusted, ...rest } = row;
  return { ...rest, certsExpired, certs90, outOfSupport, printersLow, untrusted };
}

/**
 * An aggregate without what depends on today's date (plain JSON, kept by the store like the
 * desk's base): each group's figures and its certificates' expiry dates. The total row and the
 * lists come from the whole filter's desk.
 */
export type AggregateBase = Readonly<{
  groupBy: GroupBy;
  groups: readonly Readonly<{ row: GroupRow; notAfter: readonly string[] }>[];
}>;

const bases = new WeakMap<DeskRows, Map<string, AggregateBase>>();

/** {@link computeAggregateBase}, remembered per rows object, grouping and filter. */
function cachedAggregateBase(
  input: DeskRows,
  groupBy: GroupBy,
  filter: AggregateFilter,
): AggregateBase {
  return remember(bases, input, `${groupBy}|${filterKey(filter)}`, 50, () =>
    computeAggregateBase(input, groupBy, filter),
  );
}

/** Groups the filtered visits and computes each group's figures (a light desk base). */
export function computeAggregateBase(
  input: DeskRows,
  groupBy: GroupBy,
  filter: AggregateFilter,
): AggregateBase {
  const kept = new Set(cachedBase(input, filter).indicators.visits.visits);
  const groups = new Map<string, VisitRow[]>();
  for (const row of input.visits) {
    if (!kept.has(row.visitId)) continue;
    for (const key of keysOf(row, groupBy)) {
      const list = groups.get(key);
      if (list === undefined) groups.set(key, [row]);
      else list.push(row);
    }
  }
  return {
    groupBy,
    groups: [...groups.entries()].map(([key, visits]) => {
      const base = computeDeskBase({ ...input, visits }, filter, true);
      return {
        row: groupRowOf(key, base.indicators),
        notAfter: base.certificates.map((c) => c.notAfter),
      };
    }),
  };
}

/** The aggregate of today from its base and the whole filter's desk of today. */
export function finishAggregate(base: AggregateBase, whole: Desk, now: Date): Aggregate {
  const at = now.getTime();
  const rows = base.groups.map((g) => rowOn(g.row, g.notAfter, at));
  if (base.groupBy === 'intern') {
    const shares = new Map(whole.interns.map((i) => [i.name, i]));
    for (const row of rows) {
      const share = shares.get(row.key);
      if (share === undefined) continue;
      row.visits = share.visits;
      row.people = share.people;
      row.hoursOnSite = share.hours;
    }
  }
  rows.sort((a, b) => a.key.localeCompare(b.key, 'vi'));
  const i = whole.indicators;
  return {
    groupBy: base.groupBy,
    now: now.toISOString(),
    rows,
    total: withCerts(
      groupRowOf('Σ', i),
      i.certificatesExpired.value,
      i.certificatesExpiring90.value,
    ),
    certificates: whole.certificates,
    outOfSupport: whole.outOfSupport,
  };
}

/** Aggregates the inbox rows (remembered per rows object, grouping and filter). */
export function aggregate(
  input: DeskRows,
  groupBy: GroupBy,
  filter: AggregateFilter,
  now: Date,
): Aggregate {
  return finishAggregate(
    cachedAggregateBase(input, groupBy, filter),
    cachedDesk(input, filter, now),
    now,
  );
}

/**
 * The aggregate of a store, its base kept by the store until the next write (in the database
 * for the whole programme), as the desk's is (`deskOf`), and its total from the desk itself.
 */
export async function aggregateOf(
  store: InboxStore,
  groupBy: GroupBy,
  filter: AggregateFilter,
  now: Date,
): Promise<Aggregate> {
  const key = `aggregate|${groupBy}|${filterKey(filter)}`;
  let base = (await store.deskBase?.(key)) as AggregateBase | undefined;
  if (base === undefined) {
    // Grouping reads every visit of the filter: the rows of the whole inbox, not a selection.
    const rows = await store.deskRows();
    base = cachedAggregateBase(rows, groupBy, filter);
    await store.keepDeskBase?.(key, base, isWhole(filter), rows);
  }
  return finishAggregate(base, await deskOf(store, filter, now), now);
}
