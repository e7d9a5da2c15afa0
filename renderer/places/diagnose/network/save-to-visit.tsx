/**
 * Keeps a LAN scan with a visit: pick a saved visit (`visits:list`) and add the scan to it
 * (`visits:add-scan`).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ScanResult } from '../../../../diagnostics/scan/types';
import type { VisitListItem } from '../../../../main/service/visits/contract';
import { failureText, useApi } from '../../../api/index';
import { useLoad } from '../../../hooks/use-call';

/** Props: the scan to keep. */
export type SaveToVisitProps = Readonly<{ scan: ScanResult }>;

/** A visit picker and a save button; says where the scan was saved, or why not. */
export function SaveToVisit({ scan }: SaveToVisitProps) {
  const { t, i18n } = useTranslation('network');
  const api = useApi();
  const id = useId();
  const { state } = useLoad<readonly VisitListItem[]>(() => api.visits.list({}), [api]);
  const visits = state.value ?? [];
  const [picked, setChosen] = useState('');
  // Until the intern picks one, the first (newest) visit is chosen.
  const chosen = picked || (visits[0]?.id ?? '');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  if (visits.length === 0) return <p className="muted">{t('scan.noVisit')}</p>;
  const save = async (): Promise<void> => {
    const copy = {
      ...scan,
      ranges: [...scan.ranges],
      notes: [...scan.notes],
      hosts: scan.hosts.map((h) => ({
        ...h,
        openPorts: [...h.openPorts],
        evidence: [...h.evidence],
      })),
    };
    const result = await api.visits['add-scan']({ ref: { id: chosen }, scan: copy });
    const visit = visits.find((v) => v.id === chosen);
    setMessage(
      result.ok
        ? {
            ok: true,
            text: t('scan.saved', { commune: visit?.commune ?? chosen, date: visit?.date ?? '' }),
          }
        : { ok: false, text: failureText(result, i18n.language) },
    );
  };
  return (
    <div className="save-to-visit">
      <label htmlFor={`${id}-visit`}>{t('scan.visit')}</label>
      <select
        id={`${id}-visit`}
        value={chosen}
        onChange={(e) => setChosen(e.target.value)}
        data-testid="scan-visit"
      >
        {visits.map((v) => (
          <option key={v.id} value={v.id}>{`${v.commune}, ${v.province} — ${v.date}`}</option>
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
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} data-testid="scan-saved">
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
