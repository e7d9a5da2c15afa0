/**
 * A result that lands in the active visit as it is shown (a diagnosis, a LAN scan): the saved
 * visits, the active one when it is among them, and — when `autosave` is given — the answer of
 * saving the result into it. Loaded again only when `deps` say the result changed.
 */
import type { DependencyList } from 'react';

import type { IpcResult } from '../../../main/service/define';
import type { VisitListItem } from '../../../main/service/visits/contract';
import { useApi } from '../../api/index';
import { useLoad } from '../../hooks/use-call';

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
