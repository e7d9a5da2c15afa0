/**
 * Adds up the inbox per province, commune, intern or period (month, quarter, year), with the
 * lists a supervisor acts on: certificates expiring within 30/60/90 days, machines out of
 * support, printers low on supplies.
 */
import type {
  ActionItem,
  Aggregate,
  AggregateFilter,
  AggregateRow,
  GroupBy,
  InboxEntry,
} from './types.js';

export type { ActionItem, Aggregate, AggregateFilter, AggregateRow, GroupBy } from './types.js';

const DAY = 86_400_000;

function emptyRow(key: string): AggregateRow {
  return {
    key,
    visits: 0,
    machines: 0,
    findingsByKind: {},
    findings: 0,
    fixes: 0,
    openItems: 0,
    peopleOfficial: 0,
    peopleCitizen: 0,
    certsExpired: 0,
    certs30: 0,
    certs60: 0,
    certs90: 0,
    outOfSupport: 0,
    printersLow: 0,
    untrusted: 0,
  };
}

function keysOf(entry: InboxEntry, groupBy: GroupBy): string[] {
  const { facts } = entry;
  const [y, m] = facts.date.split('-');
  switch (groupBy) {
    case 'province':
      return [facts.province];
    case 'commune':
      return [`${facts.commune} — ${facts.province}`];
    case 'intern':
      return facts.interns.length > 0 ? [...new Set(facts.interns)] : ['—'];
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

function add(row: AggregateRow, entry: InboxEntry, now: number): void {
  const f = entry.facts;
  row.visits += 1;
  row.machines += f.machines;
  for (const [kind, n] of Object.entries(f.findingsByKind)) {
    row.findingsByKind[kind] = (row.findingsByKind[kind] ?? 0) + n;
    row.findings += n;
  }
  row.fixes += f.fixes;
  row.openItems += f.openItems;
  row.peopleOfficial += f.people.official;
  row.peopleCitizen += f.people.citizen;
  for (const cert of f.certificates) {
    const days = (Date.parse(cert.notAfter) - now) / DAY;
    if (days < 0) row.certsExpired += 1;
    else if (days <= 30) row.certs30 += 1;
    else if (days <= 60) row.certs60 += 1;
    else if (days <= 90) row.certs90 += 1;
  }
  row.outOfSupport += f.outOfSupport.length;
  row.printersLow += f.printersLow.length;
  if (entry.trust === 'unknown') row.untrusted += 1;
}

function actionLists(
  entries: readonly InboxEntry[],
  now: number,
): Pick<Aggregate, 'certificates' | 'outOfSupport' | 'printersLow'> {
  const certificates: ActionItem[] = [];
  const outOfSupport: ActionItem[] = [];
  const printersLow: ActionItem[] = [];
  for (const { facts: f } of entries) {
    const where = { province: f.province, commune: f.commune, date: f.date };
    for (const c of f.certificates) {
      const days = Math.floor((Date.parse(c.notAfter) - now) / DAY);
      if (days <= 90)
        certificates.push({
          ...where,
          machine: c.machine,
          detail: `${c.title} (${c.notAfter.slice(0, 10)})`,
          days,
        });
    }
    for (const o of f.outOfSupport)
      outOfSupport.push({ ...where, machine: o.machine, detail: o.os });
    for (const p of f.printersLow)
      printersLow.push({ ...where, machine: p.machine, detail: p.title });
  }
  certificates.sort((a, b) => (a.days ?? 0) - (b.days ?? 0));
  return { certificates, outOfSupport, printersLow };
}

/** Aggregates inbox entries. Only the latest export of each visit is in the inbox, so nothing counts twice. */
export function aggregate(
  all: readonly InboxEntry[],
  groupBy: GroupBy,
  filter: AggregateFilter,
  nowDate: Date,
): Aggregate {
  const now = nowDate.getTime();
  const entries = all.filter(
    (e) =>
      (filter.from === undefined || e.facts.date >= filter.from) &&
      (filter.to === undefined || e.facts.date <= filter.to) &&
      (filter.province === undefined || e.facts.province === filter.province) &&
      (filter.trustedOnly !== true || e.trust !== 'unknown'),
  );
  const rows = new Map<string, AggregateRow>();
  const total = emptyRow('Σ');
  for (const entry of entries) {
    add(total, entry, now);
    for (const key of keysOf(entry, groupBy)) {
      let row = rows.get(key);
      if (row === undefined) rows.set(key, (row = emptyRow(key)));
      add(row, entry, now);
    }
  }
  const sorted = [...rows.values()].sort((a, b) => a.key.localeCompare(b.key, 'vi'));
  return { groupBy, now: nowDate.toISOString(), rows: sorted, total, ...actionLists(entries, now) };
}
