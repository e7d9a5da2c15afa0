/**
 * A LAN scan lands in the visit as it finishes, like a diagnosis (`snapshot-to-visit.tsx`): with
 * an active visit, a completed scan is added to it at once (autosave, `visits:add-scan`, which
 * keeps one copy of a scan); without one, or for a cancelled scan, the intern picks a saved visit
 * (`visits:list`) and saves it.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ScanResult } from '../../../../diagnostics/scan/types';
import type { IpcResult } from '../../../../main/service/define';
import { formatDate } from '../../../../main/service/vocabulary';
import { useApi } from '../../../api/index';
import { useLang } from '../../../i18n/pick';
import { savedMessage, useActiveVisit } from '../use-active-visit';

/** Props: the scan to keep. */
export type SaveToVisitProps = Readonly<{ scan: ScanResult }>;

/** A plain copy of the scan (the bridge clones plain data only). */
function copyOf(scan: ScanResult): ScanResult {
  return {
    ...scan,
    ranges: [...scan.ranges],
    notes: [...scan.notes],
    hosts: scan.hosts.map((h) => ({
      ...h,
      openPorts: [...h.openPorts],
      evidence: [...h.evidence],
    })),
  };
}

/** Saves the scan into the active visit, or offers a visit picker; says where it was saved, or why not. */
export function SaveToVisit({ scan }: SaveToVisitProps) {
  const { t, i18n } = useTranslation('network');
  const lang = useLang();
  const api = useApi();
  const id = useId();
  // A cancelled scan holds only part of the network: the intern decides whether to keep it.
  const { state } = useActiveVisit(
    scan.cancelled
      ? undefined
      : (visitId) => api.visits['add-scan']({ ref: { id: visitId }, scan: copyOf(scan) }),
    [scan.startedAt],
  );
  const visits = state.value?.visits ?? [];
  const [picked, setChosen] = useState('');
  const [manual, setManual] = useState<IpcResult<unknown> & { visitId: string }>();
  const said = (result: IpcResult<unknown>, visitId: string) =>
    savedMessage(
      result,
      visits.find((v) => v.id === visitId),
      (where) => t('scan.saved', where),
      i18n.language,
    );
  const auto = state.value?.autosaved;
  const active = state.value?.active;
  const message =
    manual !== undefined
      ? said(manual, manual.visitId)
      : auto !== undefined && active !== undefined
        ? said(auto, active)
        : undefined;
  if (state.value === undefined) return null;
  if (visits.length === 0) return <p className="muted">{t('scan.noVisit')}</p>;
  // Until the intern picks one, the active visit (else the newest) is chosen.
  const chosen = picked || active || (visits[0]?.id ?? '');
  const save = async (): Promise<void> => {
    const result = await api.visits['add-scan']({ ref: { id: chosen }, scan: copyOf(scan) });
    setManual({ ...result, visitId: chosen });
  };
  return (
    <div className="save-to-visit">
      {message?.ok !== true && (
        <>
          <label htmlFor={`${id}-visit`}>{t('scan.visit')}</label>
          <select
            id={`${id}-visit`}
            value={chosen}
            onChange={(e) => setChosen(e.target.value)}
            data-testid="scan-visit"
          >
            {visits.map((v) => (
              <option
                key={v.id}
                value={v.id}
              >{`${v.commune}, ${v.province} — ${formatDate(v.date, lang)}`}</option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => void save()}
            disabled={chosen === ''}
            data-testid="scan-save"
          >
            {t('scan.save')}
          </button>
        </>
      )}
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} data-testid="scan-saved">
          {message.ok ? '✔ ' : '✖ '}
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
