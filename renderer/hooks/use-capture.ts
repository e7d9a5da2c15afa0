import { useCallback } from 'react';

import type { CaptureProgressData, CaptureSaved } from '../../main/service/capture/contract';
import { useApi } from '../api/index';
import { pick } from '../i18n/pick';
import { useCall, type CallState } from './use-call';

/** Where a field capture is: not started, running (which script), saved (where), or failed (why). */
export type CaptureState =
  | Readonly<{ phase: 'idle' }>
  | Readonly<{ phase: 'running'; percent: number; step?: CaptureProgressData }>
  | Readonly<{ phase: 'saved'; saved: CaptureSaved }>
  | Readonly<{ phase: 'failed'; error: string; cancelled: boolean }>;

/** The capture's view of the call; every phase is handled (the compiler checks the switch returns). */
function captureState(call: CallState<CaptureSaved>, lang: string): CaptureState {
  switch (call.phase) {
    case 'idle':
      return { phase: 'idle' };
    case 'running': {
      const step = call.events.at(-1)?.data as CaptureProgressData | undefined;
      return step === undefined
        ? { phase: 'running', percent: call.percent }
        : { phase: 'running', percent: call.percent, step };
    }
    case 'done':
      return call.value === undefined ? { phase: 'idle' } : { phase: 'saved', saved: call.value };
    case 'failed':
      return { phase: 'failed', error: pick(call.error, lang), cancelled: false };
    case 'cancelled':
      // Saved just as the cancel arrived: the file is there, so say where.
      return call.value === undefined
        ? { phase: 'failed', error: '', cancelled: true }
        : { phase: 'saved', saved: call.value };
  }
}

/** Runs `capture:run` (saved in the data folder), with progress and cancel. */
export function useCapture(lang: string): {
  state: CaptureState;
  start: () => void;
  cancel: () => void;
} {
  const api = useApi();
  const { state, run, cancel } = useCall<CaptureSaved>();
  const start = useCallback(() => {
    void run((signal, onProgress) => api.capture.run({}, { signal, onProgress }));
  }, [api, run]);
  return { state: captureState(state, lang), start, cancel };
}
