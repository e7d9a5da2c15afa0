import { useCallback, useEffect, useRef, useState } from 'react';

import type { CaptureProgressData, CaptureSaved } from '../../main/service/capture/contract';
import { failureText, useApi } from '../api/index';

/** Where a field capture is: not started, running (which script), saved (where), or failed (why). */
export type CaptureState =
  | Readonly<{ phase: 'idle' }>
  | Readonly<{ phase: 'running'; percent: number; step?: CaptureProgressData }>
  | Readonly<{ phase: 'saved'; saved: CaptureSaved }>
  | Readonly<{ phase: 'failed'; error: string; cancelled: boolean }>;

/** Runs `capture:run` (saved in the data folder), with progress and cancel. */
export function useCapture(lang: string): {
  state: CaptureState;
  start: () => void;
  cancel: () => void;
} {
  const api = useApi();
  const [state, setState] = useState<CaptureState>({ phase: 'idle' });
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);
  const start = useCallback(() => {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    setState({ phase: 'running', percent: 0 });
    void api.capture
      .run(
        {},
        {
          signal: mine.signal,
          onProgress: (e) => {
            if (!mine.signal.aborted)
              setState({
                phase: 'running',
                percent: e.percent ?? 0,
                step: e.data as CaptureProgressData,
              });
          },
        },
      )
      .then((result) => {
        if (controller.current !== mine) return;
        controller.current = undefined;
        setState(
          result.ok
            ? { phase: 'saved', saved: result.value }
            : {
                phase: 'failed',
                error: failureText(result, lang),
                cancelled: result.error.code === 'cancelled',
              },
        );
      });
  }, [api, lang]);
  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, start, cancel };
}
