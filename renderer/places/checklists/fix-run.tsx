/**
 * A fix link (`#/checklists/<id or alias>`, from a diagnosis): opens THAT checklist's run — the
 * one in progress if there is one, else a new one for this PC — and attaches it to the active
 * visit, and again after every step saved (the visit shows the fix as it progresses). The list is
 * never shown and no id is ever printed.
 */
import { useTranslation } from 'react-i18next';

import type { XasoApi } from '../../../main/service/contract';
import type { IpcResult } from '../../../main/service/define';
import { useApi } from '../../api/index';
import { useLoad } from '../../hooks/use-call';
import { pick } from '../../i18n/pick';
import { RunWizard } from './run-wizard';

/** Adds (or updates) the run's summary in the active visit; quiet when there is none. */
export async function attachToActiveVisit(api: XasoApi, runId: string): Promise<void> {
  const state = await api.app.state({});
  if (!state.ok || state.value.activeVisitId === undefined) return;
  const summary = await api.checklists.summary({ runId });
  if (!summary.ok) return;
  await api.visits['add-checklist']({ ref: { id: state.value.activeVisitId }, run: summary.value });
}

/** The run to open for checklist `id`: resumed when one is in progress, started otherwise. */
async function openRun(api: XasoApi, id: string): Promise<IpcResult<string>> {
  const got = await api.checklists.get({ id });
  if (!got.ok) return got;
  const checklistId = got.value.checklist.id;
  const runs = await api.checklists['list-runs']({ checklistId, status: 'in-progress' });
  const latest = runs.ok
    ? [...runs.value].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]
    : undefined;
  let runId = latest?.runId;
  if (runId === undefined) {
    const started = await api.checklists['start-run']({ checklistId });
    if (!started.ok) return started;
    runId = started.value.run.runId;
  }
  await attachToActiveVisit(api, runId);
  return { ok: true, value: runId };
}

/** Opens the run of one checklist; `onBack` leaves it (back to where the link was). */
export function FixRun({ id, onBack }: Readonly<{ id: string; onBack: () => void }>) {
  const { t, i18n } = useTranslation('checklists');
  const api = useApi();
  const load = useLoad<string>(async () => openRun(api, id), [api, id]);
  const runId = load.state.value;
  if (load.state.phase === 'failed')
    return (
      <p role="alert" className="cl-error" data-testid="fix-run-error">
        {t('fixRunFailed')} {pick(load.state.error, i18n.language)}
      </p>
    );
  if (runId === undefined) return <p role="status">{t('fixRunOpening')}</p>;
  return (
    <RunWizard
      key={runId}
      runId={runId}
      onSaved={() => void attachToActiveVisit(api, runId)}
      onBack={() => {
        void attachToActiveVisit(api, runId).finally(onBack);
      }}
    />
  );
}
