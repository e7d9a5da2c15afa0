/**
 * A diagnosis lands in the visit as it happens: with an active visit, the snapshot is added to
 * it at once (autosave); without one, the intern can pick a visit and save it afterwards.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { MachineSnapshot } from '../../../diagnostics/types';
import type { IpcResult } from '../../../main/service/define';
import { formatDate } from '../../../main/service/vocabulary';
import { useApi } from '../../api/index';
import { useLang } from '../../i18n/pick';
import { type Said, savedMessage, useActiveVisit } from './use-active-visit';

/**
 * Saves a fresh `snapshot` (`autosave`) into the active visit; without an active visit, offers a
 * visit picker. A result shown again later is not saved twice.
 */
export function SnapshotToVisit({
  snapshot,
  autosave,
}: Readonly<{ snapshot: MachineSnapshot; autosave: boolean }>) {
  const { t, i18n } = useTranslation('diagnose');
  const lang = useLang();
  const api = useApi();
  const id = useId();
  // Autosave: with an active visit, the snapshot goes into it as soon as it is shown.
  const { state } = useActiveVisit(
    autosave
      ? (visitId) => api.visits['add-snapshot']({ ref: { id: visitId }, snapshot })
      : undefined,
    [snapshot.takenAt, autosave],
  );
  const [picked, setPicked] = useState('');
  const [manual, setManual] = useState<Said>();
  const visits = state.value?.visits ?? [];
  const active = state.value?.active;
  const said = (result: IpcResult<unknown>, visitId: string): Said =>
    savedMessage(
      result,
      visits.find((v) => v.id === visitId),
      (where) => t('toVisit.saved', where),
      i18n.language,
    );
  const save = async (visitId: string): Promise<void> => {
    const result = await api.visits['add-snapshot']({ ref: { id: visitId }, snapshot });
    setManual(said(result, visitId));
  };
  const auto = state.value?.autosaved;
  const saved = manual ?? (auto && active ? said(auto, active) : undefined);
  if (saved)
    return (
      <p role={saved.ok ? 'status' : 'alert'} className="to-visit" data-testid="to-visit-saved">
        {saved.ok ? '✔ ' : '✖ '}
        {saved.text}
      </p>
    );
  if (active !== undefined || visits.length === 0) return null;
  const chosen = picked || (visits[0]?.id ?? '');
  return (
    <div className="to-visit" data-testid="to-visit">
      <label htmlFor={`${id}-visit`}>{t('toVisit.label')}</label>
      <select id={`${id}-visit`} value={chosen} onChange={(e) => setPicked(e.target.value)}>
        {visits.map((v) => (
          <option
            key={v.id}
            value={v.id}
          >{`${v.commune}, ${v.province} — ${formatDate(v.date, lang)}`}</option>
        ))}
      </select>
      <button type="button" onClick={() => void save(chosen)} data-testid="to-visit-save">
        {t('toVisit.save')}
      </button>
    </div>
  );
}
