/**
 * The figures the browser desk shows for one programme, from the store's desk rows (the same
 * rows the embedded database gives, so both engines give the same figures).
 */
import type { InboxStore } from '../service/inbox/store-types.js';

/** A short summary of a programme's inbox. */
export type DeskSummary = Readonly<{
  programme: string;
  visits: number;
  communes: number;
  interns: number;
  enrolledKeys: number;
  lastReceivedAt?: string | undefined;
}>;

/** Summary of a programme, optionally limited to visits on site between `from` and `to`. */
export async function deskSummary(
  store: InboxStore & { programmeId: string },
  filter: Readonly<{ from?: string | undefined; to?: string | undefined }> = {},
): Promise<DeskSummary> {
  const rows = await store.deskRows();
  const visits = rows.visits.filter(
    (v) =>
      (filter.from === undefined || v.facts.date >= filter.from) &&
      (filter.to === undefined || v.facts.date <= filter.to),
  );
  const communes = new Set(visits.map((v) => `${v.facts.commune}\u0000${v.facts.province}`));
  const interns = new Set(visits.map((v) => v.keyId));
  let last: string | undefined;
  for (const v of visits) if (last === undefined || v.importedAt > last) last = v.importedAt;
  return {
    programme: store.programmeId,
    visits: visits.length,
    communes: communes.size,
    interns: interns.size,
    enrolledKeys: rows.keys.length,
    ...(last === undefined ? {} : { lastReceivedAt: last }),
  };
}
