import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { VisitView } from '../../../main/service/visits/contract';
import type { Visit, VisitFields } from '../../../main/service/visits/schema';
import { failureText, useApi } from '../../api/index';
import { useLoad } from '../../hooks/use-call';
import { pick } from '../../i18n/pick';

/** Save state shown to the intern (never colour alone: the text says it). */
export type SaveState = Readonly<{
  kind: 'idle' | 'saving' | 'saved' | 'error';
  at?: string;
  message?: string;
}>;

type Ref = Readonly<{ file: string }>;
const DELAY_MS = 700;

/**
 * Loads one visit and saves every change shortly after it is made (auto-save). Edits are merged
 * locally at once; the patch goes out after a short pause, and a pending patch is flushed when
 * the editor closes.
 */
export function useVisit(file: string) {
  const api = useApi();
  const { i18n } = useTranslation('visit');
  const loaded = useLoad<VisitView>(() => api.visits.get({ ref: { file } }), [api, file]);
  const view = loaded.state.value;
  const setView = loaded.update;
  const error =
    loaded.state.error === undefined ? undefined : pick(loaded.state.error, i18n.language);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const pending = useRef<Partial<VisitFields>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const ref: Ref = { file };

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const patch = pending.current;
    if (Object.keys(patch).length === 0) return;
    pending.current = {};
    setSave({ kind: 'saving' });
    const result = await api.visits.update({ ref: { file }, patch });
    if (result.ok) {
      setView((old) =>
        old === undefined
          ? result.value
          : { ...old, visit: { ...result.value.visit, ...pending.current } },
      );
      setSave({ kind: 'saved', at: new Date().toLocaleTimeString(i18n.language) });
    } else {
      pending.current = { ...patch, ...pending.current };
      setSave({ kind: 'error', message: failureText(result, i18n.language) });
    }
  }, [api, file, i18n.language, setView]);

  const change = useCallback(
    (patch: Partial<VisitFields>) => {
      pending.current = { ...pending.current, ...patch };
      setView((old) =>
        old === undefined ? old : { ...old, visit: { ...old.visit, ...patch } as Visit },
      );
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DELAY_MS);
    },
    [flush, setView],
  );

  useEffect(
    () => () => {
      void flush();
    },
    [flush],
  );

  const reload = loaded.reload;

  return { view, error, save, change, flush, reload, ref };
}
