/**
 * Totals per province, commune, intern or period (month, quarter, year): the desk's indicators
 * (`desk.ts`) computed over each group's visits, so a group's figures follow the same rules as the
 * desk (latest state per commune and machine; events added once). Per intern, a visit of n interns
 * counts 1/n for each in visits, people helped and hours (the column adds up to the total); the
 * state figures of an intern's group are those of the communes the intern visited.
 */
import { HELPED_CATEGORIES } from '../visits/schema.js';
import { cachedDesk, computeDesk } from './desk.js';
import type { DeskRows, VisitRow } from './store-types.js';
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

function rowOf(key: string, desk: Desk): AggregateRow {
  const i = desk.indicators;
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
    certsExpired: i.certificatesExpired.value,
    certs90: i.certificatesExpiring90.value,
    outOfSupport: i.outOfSupport.value,
    printersLow: i.printersLow.value,
    untrusted: i.untrusted.value,
  };
}

const memo = new WeakMap<DeskRows, Map<string, Aggregate>>();

/** Aggregates the inbox rows (remembered per rows object, grouping, filter and minute). */
export function aggregate(
  input: DeskRows,
  groupBy: GroupBy,
  filter: AggregateFilter,
  now: Date,
): Aggregate {
  let byKey = memo.get(input);
  if (byKey === undefined) memo.set(input, (byKey = new Map()));
  const key = `${groupBy}|${JSON.stringify(filter)}|${Math.floor(now.getTime() / 60_000)}`;
  let result = byKey.get(key);
  if (result === undefined) {
    if (byKey.size > 50) byKey.clear();
    byKey.set(key, (result = compute(input, groupBy, filter, now)));
  }
  return result;
}

function compute(input: DeskRows, groupBy: GroupBy, filter: AggregateFilter, now: Date): Aggregate {
  const whole = cachedDesk(input, filter, now);
  const kept = new Set(whole.indicators.visits.visits);
  const groups = new Map<string, VisitRow[]>();
  for (const row of input.visits) {
    if (!kept.has(row.visitId)) continue;
    for (const key of keysOf(row, groupBy)) {
      const list = groups.get(key) ?? [];
      list.push(row);
      groups.set(key, list);
    }
  }
  const rows = [...groups.entries()].map(([key, visits]) =>
    rowOf(key, computeDesk({ ...input, visits }, filter, now, undefined, true)),
  );
  if (groupBy === 'intern') {
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
  return {
    groupBy,
    now: now.toISOString(),
    rows,
    total: rowOf('Σ', whole),
    certificates: whole.certificates,
    outOfSupport: whole.outOfSupport,
  };
}
