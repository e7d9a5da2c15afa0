import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { RunListItem } from '../../../main/service/checklists/contract';
import { failureText, useApi } from '../../api/index';
import { useLoad } from '../../hooks/use-call';
import { langOf } from '../../i18n/pick';

type Props = Readonly<{ file: string; onAttached: () => void }>;

/**
 * Brings the other places' work into the visit: diagnose this PC and add its snapshot, or add a
 * checklist run done here (its summary, evidence and sign-off).
 */
export function AttachPanel({ file, onAttached }: Props) {
  const { t, i18n } = useTranslation('visit');
  const api = useApi();
  const lang = langOf(i18n.language);
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);
  const listed = useLoad<RunListItem[]>(() => api.checklists['list-runs']({}), [api]);
  const runs = (listed.state.value ?? []).filter((run) => run.status !== 'abandoned');
  const [runId, setRunId] = useState('');
  // Asked once: the service keeps the tag with the PC's hardware fingerprint.
  const [assetTag, setAssetTag] = useState('');
  const diagnose = async () => {
    setBusy(true);
    setStatus(t('attach.diagnosing'));
    const snapshot = await api.diagnostics.run(
      assetTag.trim() === '' ? {} : { assetTag: assetTag.trim() },
      {
        onProgress: (e) =>
          e.label && setStatus(`${t('attach.diagnosing')} ${e.percent ?? ''}% · ${e.label[lang]}`),
      },
    );
    if (!snapshot.ok) {
      setBusy(false);
      setStatus(`✖ ${failureText(snapshot, i18n.language)}`);
      return;
    }
    const added = await api.visits['add-snapshot']({ ref: { file }, snapshot: snapshot.value });
    setBusy(false);
    if (!added.ok) setStatus(`✖ ${failureText(added, i18n.language)}`);
    else {
      setStatus(
        `✔ ${t(added.value.seenBefore ? 'attach.addedSeen' : 'attach.added', { host: snapshot.value.machine.hostname })}`,
      );
      onAttached();
    }
  };
  const addRun = async () => {
    if (runId === '') return;
    const summary = await api.checklists.summary({ runId });
    const added = summary.ok
      ? await api.visits['add-checklist']({ ref: { file }, run: summary.value })
      : summary;
    if (!added.ok) setStatus(`✖ ${failureText(added, i18n.language)}`);
    else {
      setStatus(`✔ ${t('attach.runAdded')}`);
      onAttached();
    }
  };
  return (
    <section className="visit-card" aria-labelledby="attach-title">
      <h2 id="attach-title">{t('attach.title')}</h2>
      <div className="visit-buttons">
        <label className="visit-grow">
          {t('attach.assetTag')}
          <input
            value={assetTag}
            maxLength={100}
            onChange={(e) => setAssetTag(e.target.value)}
            placeholder={t('attach.assetTagHint')}
            data-testid="attach-asset-tag"
          />
        </label>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void diagnose()}
          data-testid="attach-diagnose"
        >
          {t('attach.diagnose')}
        </button>
      </div>
      <div className="visit-row">
        <label className="visit-grow">
          {t('attach.run')}
          <select value={runId} onChange={(e) => setRunId(e.target.value)} data-testid="attach-run">
            <option value="">{t('attach.pickRun')}</option>
            {runs.map((run) => (
              <option key={run.runId} value={run.runId}>
                {run.title[lang]} · {run.progress.done}/{run.progress.total} ·{' '}
                {run.startedAt.slice(0, 10)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void addRun()} disabled={runId === ''}>
          {t('attach.addRun')}
        </button>
      </div>
      <p role="status" aria-live="polite" data-testid="attach-status">
        {status}
      </p>
    </section>
  );
}
