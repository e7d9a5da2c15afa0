/**
 * A result that lands in the active visit as it is shown (a diagnosis, a LAN scan): the saved
 * visits, the active one when it is among them, and — when `autosave` is given — the answer of
 * saving the result into it. Loaded again only when `deps` say the result changed.
 */
import type { DependencyList } from 'react';

import type { IpcResult } from '../../../main/service/define';
import type { VisitListItem } from '../../../main/service/visits/contract';
import { formatDate } from '../../../main/service/vocabulary';
import { failureText, useApi } from '../../api/index';
import { useLoad } from '../../hooks/use-call';
import { langOf } from '../../i18n/pick';

/** The saved visits, the active one, and what autosaving into it answered. */
export type ActiveVisitListing = Readonly<{
  visits: readonly VisitListItem[];
  active?: string;
  /** Set when the result was saved into the active visit (autosave). */
  autosaved?: IpcResult<unknown>;
}>;

/** Lists the visits and, with an active visit and `autosave`, saves the result into it once. */
export function useActiveVisit(
  autosave: ((visitId: string) => Promise<IpcResult<unknown>>) | undefined,
  deps: DependencyList,
) {
  const api = useApi();
  return useLoad<ActiveVisitListing>(async () => {
    const [list, app] = await Promise.all([api.visits.list({}), api.app.state({})]);
    if (!list.ok) return list;
    const active = app.ok ? app.value.activeVisitId : undefined;
    const known = active !== undefined && list.value.some((v) => v.id === active);
    const autosaved = known && autosave !== undefined ? await autosave(active) : undefined;
    return {
      ok: true,
      value: {
        visits: list.value,
        ...(known ? { active } : {}),
        ...(autosaved ? { autosaved } : {}),
      },
    };
  }, [api, ...deps]);
}

/** What saving a result into a visit answered, in plain words. */
export type Said = Readonly<{ ok: boolean; text: string }>;

/** "Saved into the visit of <commune> (<day>)" by `savedText`, or the failure's own words. */
export function savedMessage(
  result: IpcResult<unknown>,
  visit: VisitListItem | undefined,
  savedText: (where: { commune: string; date: string }) => string,
  language: string,
): Said {
  if (!result.ok) return { ok: false, text: failureText(result, language) };
  return {
    ok: true,
    text: savedText({
      commune: visit?.commune ?? '',
      date: visit ? formatDate(visit.date, langOf(language)) : '',
    }),
  };
}
