import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { TrustedKey } from '../../../main/service/inbox/contract';
import { failureText, useApi } from '../../api/index';
import { useLoad } from '../../hooks/use-call';
import { downloadText, readFile } from '../visit/download';

/** This installation's public key (to send to the supervisor) and the trusted interns' keys. */
export function KeysPanel({ version }: Readonly<{ version: number }>) {
  const { t, i18n } = useTranslation('reports');
  const api = useApi();
  const { state, reload } = useLoad(() => api.keys.list({}), [api, version]);
  const own = state.value?.own.keyId;
  const trusted: readonly TrustedKey[] = state.value?.trusted ?? [];
  const [status, setStatus] = useState<string>();
  const [label, setLabel] = useState('');
  const exportKey = async () => {
    const r = await api.keys['export-public']({ label });
    if (r.ok) downloadText(r.value.text, `xaso-khoa-cong-khai-${r.value.keyId}.json`);
    else setStatus(`✖ ${failureText(r, i18n.language)}`);
  };
  const trust = async (files: FileList | null) => {
    for (const file of [...(files ?? [])]) {
      const r = await api.keys.trust({ text: await readFile(file, 'text') });
      setStatus(
        r.ok
          ? `✔ ${t('keys.trusted', { id: r.value.keyId, label: r.value.label })}`
          : `✖ ${file.name}: ${failureText(r, i18n.language)}`,
      );
    }
    reload();
  };
  const untrust = async (keyId: string) => {
    await api.keys.untrust({ keyId });
    reload();
  };
  return (
    <section className="rp-card" aria-labelledby="keys-title">
      <h2 id="keys-title">{t('keys.title')}</h2>
      <p className="rp-muted">{t('keys.explain')}</p>
      <p>
        {t('keys.own')}: <code data-testid="own-key">{own ?? '…'}</code>
      </p>
      <div className="rp-row">
        <label>
          {t('keys.label')}
          <input value={label} maxLength={300} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <button type="button" onClick={() => void exportKey()}>
          {t('keys.export')}
        </button>
      </div>
      <label className="rp-file">
        {t('keys.trust')}
        <input
          type="file"
          accept=".json,application/json"
          multiple
          onChange={(e) => void trust(e.target.files)}
          data-testid="trust-key"
        />
      </label>
      <p role="status" aria-live="polite">
        {status}
      </p>
      <ul className="rp-list" data-testid="trusted-keys">
        {trusted.map((k) => (
          <li key={k.keyId}>
            <code>{k.keyId}</code> {k.label} ·{' '}
            {k.source === 'first-use' ? (
              <span className="status status-warn">⚠ {t('keys.firstUse')}</span>
            ) : (
              <span className="status status-ok">✔ {t('keys.imported')}</span>
            )}{' '}
            <button
              type="button"
              onClick={() => void untrust(k.keyId)}
              aria-label={`${t('keys.untrust')}: ${k.label}`}
            >
              {t('keys.untrust')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
