import { useState } from 'react';

import { VisitEditor } from './visit-editor';
import { VisitList } from './visit-list';
import './visit.css';

const KEY = 'xaso.visit.file';

function saved(): string | undefined {
  try {
    return sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The Visit place: the list of visits, or the auto-saved editor of one (reopened after a reload). */
export function VisitPlace() {
  const [file, setFile] = useState<string | undefined>(saved);
  const open = (next: string | undefined): void => {
    setFile(next);
    try {
      if (next === undefined) sessionStorage.removeItem(KEY);
      else sessionStorage.setItem(KEY, next);
    } catch {
      // Private mode: the visit is still in the list.
    }
  };
  return file === undefined ? (
    <VisitList onOpen={open} />
  ) : (
    <VisitEditor key={file} file={file} onClose={() => open(undefined)} />
  );
}
