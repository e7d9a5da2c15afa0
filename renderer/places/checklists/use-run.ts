import { useCallback, useState } from 'react';

import type { CheckResult } from '../../../diagnostics/types';
import type { IpcResult, Progress } from '../../../main/service/define';
import type { RunView } from '../../../main/service/checklists/run-model';
import { useApi } from '../../api/index';
import { useLoad } from '../../hooks/use-call';
import { pick, useLang } from '../../i18n/pick';

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

/**
 * Loads run `runId` and offers its actions. Every action is saved by the service before it
 * answers; `onSaved` then runs (a fix run copies its summary into the active visit).
 */
export function useRun(runId: string, onSaved?: () => void): RunState {
  const api = useApi();
  const lang = useLang();
  const loaded = useLoad<RunView>(() => api.checklists['get-run']({ runId }), [api, runId]);
  const { run } = loaded;
  const view = loaded.state.value;
  const error = loaded.state.error === undefined ? undefined : pick(loaded.state.error, lang);
  const [busy, setBusy] = useState(false);
  const [live, setLive] = useState<readonly CheckResult[]>([]);

  const act = useCallback(
    async (method: RunMethod, payload: Record<string, unknown>, streams = false): Promise<boolean> => {
      setBusy(true);
      setLive([]);
      const onProgress = (event: Progress): void => {
        if (event.event === 'check') setLive((old) => [...old, event.data as CheckResult]);
      };
      const call = api.checklists[method] as (p: unknown, o?: unknown) => Promise<IpcResult<RunView>>;
      try {
        // No signal: a step once sent is saved by the service even if the wizard closes.
        const result = await run(() => call({ runId, ...payload }, streams ? { onProgress } : undefined));
        if (result.ok) onSaved?.();
        return result.ok;
      } finally {
        setBusy(false);
      }
    },
    [api, runId, run, onSaved],
  );

  const locked = view !== undefined && (view.run.signOff !== undefined || view.run.status === 'abandoned');
  return { view, error, busy, locked, live, act };
}
