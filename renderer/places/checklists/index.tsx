import { useState } from 'react';

import type { PlaceProps } from '../types';
import { ChecklistList } from './checklist-list';
import { FixRun } from './fix-run';
import { RunWizard } from './run-wizard';
import './checklists.css';

const RUN_KEY = 'xaso.checklists.run';

function savedRun(): string | undefined {
  try {
    return sessionStorage.getItem(RUN_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The Checklists place: the list by task, or the wizard of one run (reopened after a reload). */
export function ChecklistsPlace({ subpath }: PlaceProps) {
  // A deep link (`#/checklists/<id or alias>`, e.g. from a diagnosis fix) shows that checklist.
  const [runId, setRunId] = useState<string | undefined>(() => (subpath ? undefined : savedRun()));
  const open = (id: string | undefined): void => {
    setRunId(id);
    try {
      if (id === undefined) sessionStorage.removeItem(RUN_KEY);
      else sessionStorage.setItem(RUN_KEY, id);
    } catch {
      // Private mode: the run is still listed under "in progress".
    }
  };
  // A fix link names a checklist: open its run (started or resumed), never the list.
  if (subpath) return <FixRun key={subpath} id={decodeURIComponent(subpath)} onBack={() => window.history.back()} />;
  return runId === undefined ? <ChecklistList onOpenRun={open} /> : <RunWizard runId={runId} onBack={() => open(undefined)} />;
}
