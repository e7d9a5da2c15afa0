import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { IpcResult, Progress } from '../../../main/service/define';
import { useCall, useLoad } from '../../../renderer/hooks/use-call';

// The renderer's one call hook, without the API: the calls are plain functions that answer
// when the test says, so abort, supersede and failure text are seen one at a time.
type Pending<T> = {
  resolve: (r: IpcResult<T>) => void;
  signal: AbortSignal;
  onProgress: (e: Progress) => void;
};

function deferred<T>() {
  const calls: Pending<T>[] = [];
  const start = (signal: AbortSignal, onProgress: (e: Progress) => void): Promise<IpcResult<T>> =>
    new Promise((resolve) => calls.push({ resolve, signal, onProgress }));
  return { calls, start };
}

const failure: IpcResult<never> = {
  ok: false,
  error: {
    code: 'invalid-request',
    message: { vi: 'Sai yêu cầu', en: 'Bad request' },
    issues: [{ path: 'id', message: { vi: 'thiếu', en: 'missing' } }],
  },
};

afterEach(cleanup);

describe('useCall', () => {
  it('shows progress, then the value; the failure is kept in both languages', async () => {
    const { calls, start } = deferred<number>();
    const { result } = renderHook(() => useCall<number>());
    expect(result.current.state.phase).toBe('idle');
    void act(() => void result.current.run(start));
    act(() => calls[0]?.onProgress({ percent: 40, label: { vi: 'Đang đo', en: 'Measuring' } }));
    expect(result.current.state).toMatchObject({
      phase: 'running',
      percent: 40,
      label: { en: 'Measuring' },
    });
    await act(async () => calls[0]?.resolve({ ok: true, value: 7 }));
    expect(result.current.state).toMatchObject({ phase: 'done', percent: 100, value: 7 });
    void act(() => void result.current.run(start));
    await act(async () => calls[1]?.resolve(failure));
    expect(result.current.state.phase).toBe('failed');
    expect(result.current.state.error).toEqual({
      vi: 'Sai yêu cầu (id: thiếu)',
      en: 'Bad request (id: missing)',
    });
  });

  it('aborts the call in flight on cancel, on a new run and on unmount; a superseded answer is ignored', async () => {
    const { calls, start } = deferred<string>();
    const { result, unmount } = renderHook(() => useCall<string>());
    void act(() => void result.current.run(start));
    void act(() => void result.current.run(start));
    expect(calls[0]?.signal.aborted).toBe(true);
    await act(async () => calls[0]?.resolve({ ok: true, value: 'old' }));
    expect(result.current.state.phase).toBe('running');
    act(() => result.current.cancel());
    await act(async () =>
      calls[1]?.resolve({
        ok: false,
        error: { code: 'cancelled', message: { vi: 'Đã hủy', en: 'Cancelled' } },
      }),
    );
    expect(result.current.state.phase).toBe('cancelled');
    void act(() => void result.current.run(start));
    unmount();
    expect(calls[2]?.signal.aborted).toBe(true);
  });
});

describe('useLoad', () => {
  it('loads on mount and when its dependencies change, keeping the last value while it reloads', async () => {
    const { calls, start } = deferred<string>();
    const { result, rerender } = renderHook(
      ({ id }: { id: string }) => useLoad<string>(start, [id]),
      { initialProps: { id: 'a' } },
    );
    await act(async () => calls[0]?.resolve({ ok: true, value: 'A' }));
    expect(result.current.state.value).toBe('A');
    rerender({ id: 'b' });
    expect(result.current.state).toMatchObject({ phase: 'running', value: 'A' });
    await act(async () => calls[1]?.resolve({ ok: true, value: 'B' }));
    act(() => result.current.reload());
    expect(calls).toHaveLength(3);
  });

  it('waits while there is nothing to load', () => {
    const { calls, start } = deferred<string>();
    const { result } = renderHook(
      ({ on }: { on: boolean }) => useLoad<string>(on ? start : undefined, [on]),
      { initialProps: { on: false } },
    );
    expect(result.current.state.phase).toBe('idle');
    expect(calls).toHaveLength(0);
  });
});
