import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CheckResult } from '../../../diagnostics/types';
import type { IpcResult, Progress } from '../../../main/service/define';
import type { RunView } from '../../../main/service/checklists/run-model';
import { failureText, useApi } from '../../api/index';

/** A run as the wizard holds it, plus what is happening now. */
export type RunState = Readonly<{
  view: RunView | undefined;
  error: string | undefined;
  busy: boolean;
  /** Signed off or abandoned: shown, no longer changed. */
  locked: boolean;
  /** Checks streamed by a running automatic check (shown live). */
  live: readonly CheckResult[];
  /** Calls a run channel; the new view replaces the old one on success. */
  act: (method: RunMethod, payload: Record<string, unknown>, streams?: boolean) => Promise<boolean>;
}>;

/** The run channels the wizard calls. */
export type RunMethod = 'answer' | 'run-check' | 'override' | 'add-evidence' | 'sign-off' | 'abandon';

/** Loads run `runId` and offers its actions. Every action is saved by the service before it answers. */
export function useRun(runId: string): RunState {
  const api = useApi();
  const { i18n } = useTranslation();
  const [view, setView] = useState<RunView>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [live, setLive] = useState<readonly CheckResult[]>([]);

  const take = useCallback(
    (result: IpcResult<RunView>): boolean => {
      if (result.ok) {
        setView(result.value);
        setError(undefined);
        return true;
      }
      setError(failureText(result, i18n.language));
      return false;
    },
    [i18n.language],
  );

  useEffect(() => {
    let alive = true;
    void api.checklists['get-run']({ runId }).then((r) => alive && take(r));
    return () => {
      alive = false;
    };
  }, [api, runId, take]);

  const act = useCallback(
    async (method: RunMethod, payload: Record<string, unknown>, streams = false): Promise<boolean> => {
      setBusy(true);
      setLive([]);
      const onProgress = (event: Progress): void => {
        if (event.event === 'check') setLive((old) => [...old, event.data as CheckResult]);
      };
      const call = api.checklists[method] as (p: unknown, o?: unknown) => Promise<IpcResult<RunView>>;
      try {
        return take(await call({ runId, ...payload }, streams ? { onProgress } : undefined));
      } finally {
        setBusy(false);
      }
    },
    [api, runId, take],
  );

  const locked = view !== undefined && (view.run.signOff !== undefined || view.run.status === 'abandoned');
  return { view, error, busy, locked, live, act };
}
