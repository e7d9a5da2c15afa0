import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Step } from '../../../main/service/checklists/schema';
import type { StepState } from '../../../main/service/checklists/run-model';
import { useLocal } from '../../i18n/pick';
import type { RunState } from './use-run';

const MAX_BYTES = 10 * 1024 * 1024;

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Props of {@link EvidencePanel}. */
export type EvidencePanelProps = Readonly<{ step: Step; state: StepState | undefined; run: RunState }>;

/** Note, follow-up action and photos of a step (what a failing answer may require). */
export function EvidencePanel({ step, state, run }: EvidencePanelProps) {
  const { t } = useTranslation('checklists');
  const local = useLocal();
  const [note, setNote] = useState(state?.note ?? '');
  const [followUp, setFollowUp] = useState(state?.followUp ?? '');
  const [fileError, setFileError] = useState<string>();
  const wantsAction = step.onFail?.require.includes('action') === true;
  const saveText = (e: FormEvent): void => {
    e.preventDefault();
    void run.act('add-evidence', { stepId: step.id, note, ...(wantsAction ? { followUp } : {}) });
  };
  const addPhoto = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file === undefined) return;
    if (!['image/png', 'image/jpeg'].includes(file.type) || file.size > MAX_BYTES) {
      setFileError(t('evidence.badFile'));
      return;
    }
    setFileError(undefined);
    await run.act('add-evidence', { stepId: step.id, photo: { name: file.name, dataUrl: await readDataUrl(file) } });
  };
  const photos = state?.evidence ?? [];
  return (
    <section className="cl-evidence" aria-label={t('evidence.title')}>
      <h3>{t('evidence.title')}</h3>
      {step.onFail?.fix !== undefined && <p><strong>{t('wizard.fix')}</strong> {local(step.onFail.fix)}</p>}
      <form onSubmit={saveText}>
        <label className="cl-field">
          {t('evidence.note')}
          <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} data-testid="evidence-note" />
        </label>
        {wantsAction && (
          <label className="cl-field">
            {t('evidence.followUp')}
            {step.onFail?.action !== undefined && <span className="cl-muted"> — {local(step.onFail.action)}</span>}
            <input type="text" value={followUp} onChange={(e) => setFollowUp(e.target.value)} data-testid="evidence-followup" />
          </label>
        )}
        <button type="submit" className="secondary" disabled={run.busy} data-testid="evidence-save">{t('evidence.saveText')}</button>
      </form>
      <label className="cl-field">
        {t('evidence.photo')}
        <input type="file" accept="image/png,image/jpeg" onChange={(e) => void addPhoto(e)} data-testid="evidence-photo" />
      </label>
      {fileError !== undefined && <p role="alert" className="cl-error">{fileError}</p>}
      {photos.length > 0 && (
        <ul className="cl-photos">
          {photos.map((p) => (
            <li key={p.addedAt + p.name}><img src={p.dataUrl} alt={p.name} /></li>
          ))}
        </ul>
      )}
    </section>
  );
}
