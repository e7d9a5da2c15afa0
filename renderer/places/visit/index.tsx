import { useEffect, useState } from 'react';

import { useApi } from '../../api/index';
import { VisitEditor } from './visit-editor';
import { VisitList, type OpenVisit } from './visit-list';
import './visit.css';

/**
 * The Visit place: the active visit's auto-saved editor (the app remembers it in the data
 * folder, so it reopens after a restart and from the home screen), or the list of visits.
 */
export function VisitPlace() {
  const api = useApi();
  const [file, setFile] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void (async () => {
      const state = await api.app.state({});
      const id = state.ok ? state.value.activeVisitId : undefined;
      const view = id === undefined ? undefined : await api.visits.get({ ref: { id } });
      if (live) setFile(view?.ok === true ? view.value.file : null);
    })();
    return () => {
      live = false;
    };
  }, [api]);
  const open: OpenVisit = (next) => {
    setFile(next.file);
    void api.app['set-active-visit']({ visitId: next.id });
  };
  const close = (): void => {
    setFile(null);
    void api.app['set-active-visit']({ visitId: null });
  };
  if (file === undefined) return <p aria-busy="true" />;
  return file === null ? (
    <VisitList onOpen={open} />
  ) : (
    <VisitEditor key={file} file={file} onClose={close} />
  );
}
