/**
 * State of one diagnosis run in the UI: probes as they start and finish (from the service's
 * progress events), the final snapshot, cancel.
 */
import { useCallback, useRef, useState } from 'react';

import type { CheckResult, LocalText, MachineSnapshot } from '../../../diagnostics/types';
import type { DiagnosticsProgressData } from '../../../main/service/diagnostics/contract';
import { failureText, useApi } from '../../api/index';

/** One probe as the progress list shows it. */
export type ProbeRow = Readonly<{
  id: string;
  title: LocalText;
  state: 'running' | 'done';
  checks: readonly CheckResult[];
}>;

/** Everything the Diagnose place renders. */
export type SweepState = Readonly<{
  phase: 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
  percent: number;
  probes: readonly ProbeRow[];
  snapshot?: MachineSnapshot;
  error?: string;
}>;

const IDLE: SweepState = { phase: 'idle', percent: 0, probes: [] };

function applyProgress(
  state: SweepState,
  event: string | undefined,
  percent: number | undefined,
  data: DiagnosticsProgressData,
): SweepState {
  const others = state.probes.filter((p) => p.id !== data.probeId);
  const row: ProbeRow = {
    id: data.probeId,
    title: data.title,
    state: event === 'probe-finished' ? 'done' : 'running',
    checks: data.checks ?? [],
  };
  const index = state.probes.findIndex((p) => p.id === data.probeId);
  const probes =
    index < 0 ? [...others, row] : [...others.slice(0, index), row, ...others.slice(index)];
  return { ...state, percent: percent ?? state.percent, probes };
}

/** Runs `diagnostics:run` and tracks its progress; `cancel()` aborts it. */
export function useSweep(lang: string): {
  state: SweepState;
  run: (assetTag?: string) => void;
  cancel: () => void;
} {
  const api = useApi();
  const [state, setState] = useState<SweepState>(IDLE);
  const controller = useRef<AbortController | undefined>(undefined);

  const run = useCallback(
    (assetTag?: string) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setState({ ...IDLE, phase: 'running' });
      const request =
        assetTag === undefined || assetTag.trim() === '' ? {} : { assetTag: assetTag.trim() };
      void api.diagnostics
        .run(request, {
          signal: abort.signal,
          onProgress: (e) => {
            if (e.data !== undefined && !abort.signal.aborted)
              setState((s) =>
                applyProgress(s, e.event, e.percent, e.data as DiagnosticsProgressData),
              );
          },
        })
        .then((result) => {
          if (controller.current !== abort) return;
          if (abort.signal.aborted) setState((s) => ({ ...s, phase: 'cancelled' }));
          else if (result.ok)
            setState((s) => ({ ...s, phase: 'done', percent: 100, snapshot: result.value }));
          else
            setState((s) => ({
              ...s,
              phase: result.error.code === 'cancelled' ? 'cancelled' : 'failed',
              error: failureText(result, lang),
            }));
        });
    },
    [api, lang],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
    setState((s) => (s.phase === 'running' ? { ...s, phase: 'cancelled' } : s));
  }, []);

  return { state, run, cancel };
}
