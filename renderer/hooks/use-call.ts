/**
 * The renderer's one way to call the service from a component: a cancellable call with progress,
 * aborted on unmount, whose failure is kept as bilingual text (`LocalText`) so it follows the
 * language switch. `useCall` runs on demand; `useLoad` runs when its dependencies change.
 */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

import type { IpcResult, LocalText, Progress } from '../../main/service/define';
import { failureLocal } from '../api/index';

/** The state of one call. `value` is the last success; `error` the last failure, in both languages. */
export type CallState<T> = Readonly<{
  phase: 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
  percent: number;
  /** The last progress event's label. */
  label?: LocalText;
  events: readonly Progress[];
  value?: T;
  error?: LocalText;
}>;

/** Starts one service call; pass `signal` and `onProgress` on to the API when the channel takes them. */
export type Start<T> = (
  signal: AbortSignal,
  onProgress: (e: Progress) => void,
) => Promise<IpcResult<T>>;

/** Options of {@link useCall}. */
export type CallOptions = Readonly<{
  /** Keep the last value and error shown while the next call runs (a list being refreshed). @default false */
  keep?: boolean;
}>;

/** What {@link useCall} gives a component. */
export type CallHandle<T> = Readonly<{
  state: CallState<T>;
  /** Aborts the call in flight, runs `start`, and resolves to its result (even when superseded). */
  run: (start: Start<T>) => Promise<IpcResult<T>>;
  /** Aborts the call in flight; its state becomes `cancelled` when its result arrives. */
  cancel: () => void;
  /** Changes the kept value locally (an edit not yet saved, a view returned by another channel). */
  update: (change: (old: T | undefined) => T | undefined) => void;
}>;

const IDLE: CallState<never> = { phase: 'idle', percent: 0, events: [] };

function started<T>(s: CallState<T>, keep: boolean): CallState<T> {
  if (!keep) return { phase: 'running', percent: 0, events: [] };
  const { label: _label, ...rest } = s;
  return { ...rest, phase: 'running', percent: 0, events: [] };
}

function finished<T>(s: CallState<T>, result: IpcResult<T>, aborted: boolean): CallState<T> {
  const { error: _error, ...rest } = s;
  if (result.ok)
    return { ...rest, phase: aborted ? 'cancelled' : 'done', percent: 100, value: result.value };
  if (aborted || result.error.code === 'cancelled') return { ...s, phase: 'cancelled' };
  return { ...s, phase: 'failed', error: failureLocal(result) };
}

/** One service call at a time, run on demand; the last result stays shown. */
export function useCall<T>(options: CallOptions = {}): CallHandle<T> {
  const keep = options.keep ?? false;
  const [state, setState] = useState<CallState<T>>(IDLE);
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(
    async (start: Start<T>): Promise<IpcResult<T>> => {
      controller.current?.abort();
      const own = new AbortController();
      controller.current = own;
      setState((s) => started(s, keep));
      const result = await start(own.signal, (e) => {
        if (controller.current !== own) return;
        setState((s) => ({
          ...s,
          percent: e.percent ?? s.percent,
          events: [...s.events, e],
          ...(e.label ? { label: e.label } : {}),
        }));
      });
      if (controller.current === own) setState((s) => finished(s, result, own.signal.aborted));
      return result;
    },
    [keep],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const update = useCallback((change: (old: T | undefined) => T | undefined) => {
    setState((s) => {
      const { value: _value, ...rest } = s;
      const value = change(s.value);
      return value === undefined ? rest : { ...rest, value };
    });
  }, []);
  return { state, run, cancel, update };
}

/**
 * Runs `start` now and again whenever `deps` change (the old call is aborted); keeps the last
 * value shown while reloading. `start` undefined means "nothing to load yet".
 */
export function useLoad<T>(
  start: Start<T> | undefined,
  deps: DependencyList,
): CallHandle<T> & { reload: () => void } {
  const call = useCall<T>({ keep: true });
  const [loads, setLoads] = useState(0);
  const { run } = call;
  useEffect(() => {
    if (start !== undefined) void run(start);
    // `start` is a fresh closure each render: `deps` say when it means a different call.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run, loads, ...deps]);
  const reload = useCallback(() => setLoads((n) => n + 1), []);
  return { ...call, reload };
}
