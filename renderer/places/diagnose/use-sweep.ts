/**
 * State of one diagnosis run in the UI: probes as they start and finish (from the service's
 * progress events), the final snapshot, cancel.
 */
import { useCallback, useState } from 'react';

import type { CheckResult, LocalText, MachineSnapshot } from '../../../diagnostics/types';
import type { DiagnosticsProgressData } from '../../../main/service/diagnostics/contract';
import { useApi } from '../../api/index';
import { useCall, type CallState } from '../../hooks/use-call';
import { pick } from '../../i18n/pick';

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

function sweepState(
  call: CallState<MachineSnapshot>,
  lang: string,
  cancelled: boolean,
): SweepState {
  const progress = call.events
    .filter((e) => e.data !== undefined)
    .reduce(
      (s, e) => applyProgress(s, e.event, e.percent, e.data as DiagnosticsProgressData),
      IDLE,
    );
  const { probes } = progress;
  // Cancel shows at once; the service's answer (partial or `cancelled`) comes later.
  if (call.phase === 'running')
    return cancelled
      ? { phase: 'cancelled', percent: progress.percent, probes }
      : { phase: 'running', percent: progress.percent, probes };
  if (call.phase === 'done' && call.value !== undefined)
    return { phase: 'done', percent: 100, probes, snapshot: call.value };
  if (call.phase === 'failed')
    return { phase: 'failed', percent: progress.percent, probes, error: pick(call.error, lang) };
  return call.phase === 'idle' ? IDLE : { phase: 'cancelled', percent: progress.percent, probes };
}

/** Runs `diagnostics:run` and tracks its progress; `cancel()` aborts it. */
export function useSweep(lang: string): {
  state: SweepState;
  run: (assetTag?: string) => void;
  cancel: () => void;
} {
  const api = useApi();
  const { state: call, run: start, cancel: stop } = useCall<MachineSnapshot>();
  const [cancelled, setCancelled] = useState(false);

  const run = useCallback(
    (assetTag?: string) => {
      setCancelled(false);
      const request =
        assetTag === undefined || assetTag.trim() === '' ? {} : { assetTag: assetTag.trim() };
      void start((signal, onProgress) => api.diagnostics.run(request, { signal, onProgress }));
    },
    [api, start],
  );

  const cancel = useCallback(() => {
    setCancelled(true);
    stop();
  }, [stop]);

  return { state: sweepState(call, lang, cancelled), run, cancel };
}
