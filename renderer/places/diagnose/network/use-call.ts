/**
 * One cancellable service call with progress, for the network, printers and scan panels.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

import type { IpcResult, Progress } from '../../../../main/service/define';
import { failureText } from '../../../api/index';
import { pick } from '../../../i18n/pick';

/** The state of one call. */
export type CallState<T> = Readonly<{
  phase: 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
  percent: number;
  label?: string;
  events: readonly Progress[];
  value?: T;
  error?: string;
}>;

/** Runs `start(signal, onProgress)`; `cancel()` aborts it; the last result stays shown. */
export function useCall<T>(lang: string) {
  const [state, setState] = useState<CallState<T>>({ phase: 'idle', percent: 0, events: [] });
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async (start: (signal: AbortSignal, onProgress: (e: Progress) => void) => Promise<IpcResult<unknown>>) => {
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    setState({ phase: 'running', percent: 0, events: [] });
    const result = await start(own.signal, (e) => {
      setState((s) => ({ ...s, percent: e.percent ?? s.percent, events: [...s.events, e], ...(e.label ? { label: pick(e.label, lang) } : {}) }));
    });
    if (controller.current !== own) return;
    if (result.ok) setState((s) => ({ ...s, phase: own.signal.aborted ? 'cancelled' : 'done', percent: 100, value: result.value as T }));
    else if (own.signal.aborted || result.error.code === 'cancelled') setState((s) => ({ ...s, phase: 'cancelled' }));
    else setState((s) => ({ ...s, phase: 'failed', error: failureText(result, lang) }));
  }, [lang]);

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, run, cancel };
}
