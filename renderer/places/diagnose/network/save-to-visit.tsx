/**
 * Keeps a LAN scan with a visit: pick a saved visit (`visits:list`) and add the scan to it
 * (`visits:add-scan`).
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ScanResult } from '../../../../diagnostics/scan/types';
import type { VisitListItem } from '../../../../main/service/visits/contract';
import { failureText, useApi } from '../../../api/index';

/** Props: the scan to keep. */
export type SaveToVisitProps = Readonly<{ scan: ScanResult }>;

/** A visit picker and a save button; says where the scan was saved, or why not. */
export function SaveToVisit({ scan }: SaveToVisitProps) {
  const { t, i18n } = useTranslation('network');
  const api = useApi();
  const id = useId();
  const [visits, setVisits] = useState<readonly VisitListItem[]>([]);
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void api.visits.list({}).then((result) => {
      if (!live || !result.ok) return;
      setVisits(result.value);
      setChosen((c) => c || (result.value[0]?.id ?? ''));
    });
    return () => { live = false; };
  }, [api]);
  if (visits.length === 0) return <p className="muted">{t('scan.noVisit')}</p>;
  const save = async (): Promise<void> => {
    const copy = { ...scan, ranges: [...scan.ranges], notes: [...scan.notes], hosts: scan.hosts.map((h) => ({ ...h, openPorts: [...h.openPorts], evidence: [...h.evidence] })) };
    const result = await api.visits['add-scan']({ ref: { id: chosen }, scan: copy });
    const visit = visits.find((v) => v.id === chosen);
    setMessage(result.ok ? { ok: true, text: t('scan.saved', { commune: visit?.commune ?? chosen, date: visit?.date ?? '' }) } : { ok: false, text: failureText(result, i18n.language) });
  };
  return (
    <div className="save-to-visit">
      <label htmlFor={`${id}-visit`}>{t('scan.visit')}</label>
      <select id={`${id}-visit`} value={chosen} onChange={(e) => setChosen(e.target.value)} data-testid="scan-visit">
        {visits.map((v) => <option key={v.id} value={v.id}>{`${v.commune}, ${v.province} — ${v.date}`}</option>)}
      </select>
      <button type="button" onClick={() => void save()} disabled={chosen === ''} data-testid="scan-save">{t('scan.save')}</button>
      {message ? <p role={message.ok ? 'status' : 'alert'} data-testid="scan-saved">{message.text}</p> : null}
    </div>
  );
}
