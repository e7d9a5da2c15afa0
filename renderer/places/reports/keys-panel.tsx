import QRCode from 'qrcode';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { EnrolledKey } from '../../../main/service/inbox/contract';
import { failureText, useApi } from '../../api/index';
import { useLoad } from '../../hooks/use-call';
import { downloadText, readFile } from '../visit/download';

/** A QR code drawn as SVG squares (no canvas, no injected markup). */
function QrCode({ text, label }: Readonly<{ text: string; label: string }>) {
  const qr = useMemo(() => QRCode.create(text, { errorCorrectionLevel: 'M' }), [text]);
  const size = qr.modules.size;
  const cells: string[] = [];
  for (let y = 0; y < size; y += 1)
    for (let x = 0; x < size; x += 1)
      if (qr.modules.get(x, y)) cells.push(`M${x + 4} ${y + 4}h1v1h-1z`);
  return (
    <svg
      className="rp-qr"
      viewBox={`0 0 ${size + 8} ${size + 8}`}
      role="img"
      aria-label={label}
      data-testid="own-key-qr"
    >
      <rect width={size + 8} height={size + 8} fill="#fff" />
      <path d={cells.join('')} fill="#000" />
    </svg>
  );
}

/**
 * This installation's sealing key (fingerprint as text and QR, for the intern to show), and the
 * supervisor's enrolment of interns' keys: a name the supervisor types, and a fingerprint read out,
 * the QR text scanned, or the key file.
 */
export function KeysPanel({
  version,
  onChanged,
}: Readonly<{ version: number; onChanged: () => void }>) {
  const { t, i18n } = useTranslation('reports');
  const api = useApi();
  const { state, reload } = useLoad(() => api.keys.list({}), [api, version]);
  const own = state.value?.own;
  const enrolled: readonly (EnrolledKey & { fingerprint: string })[] = state.value?.enrolled ?? [];
  const [status, setStatus] = useState<string>();
  const [name, setName] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [qr, setQr] = useState('');
  const exportKey = async () => {
    const r = await api.keys['export-public']({});
    if (r.ok) downloadText(r.value.text, `xaso-khoa-cong-khai-${r.value.keyId}.json`);
    else setStatus(`✖ ${failureText(r, i18n.language)}`);
  };
  const enrol = async (file?: File) => {
    if (name.trim() === '') return setStatus(`✖ ${t('keys.needName')}`);
    const source = file
      ? { text: await readFile(file, 'text') }
      : fingerprint.trim() !== ''
        ? { fingerprint }
        : qr.trim() !== ''
          ? { qr }
          : undefined;
    if (source === undefined) return setStatus(`✖ ${t('keys.needKey')}`);
    const r = await api.keys.enrol({ name, ...source });
    if (r.ok) {
      setStatus(`✔ ${t('keys.enrolled', { id: r.value.keyId, name: r.value.name })}`);
      setName('');
      setFingerprint('');
      setQr('');
      reload();
      onChanged();
    } else setStatus(`✖ ${failureText(r, i18n.language)}`);
  };
  const remove = async (keyId: string) => {
    await api.keys.untrust({ keyId });
    reload();
    onChanged();
  };
  return (
    <section className="rp-card" aria-labelledby="keys-title">
      <h2 id="keys-title">{t('keys.title')}</h2>
      <p className="rp-muted">{t('keys.explain')}</p>
      <div className="rp-own">
        <div>
          <p>
            {t('keys.own')}:{' '}
            <code className="rp-fingerprint" data-testid="own-key">
              {own?.fingerprint ?? '…'}
            </code>
          </p>
          <p className="rp-muted">{t('keys.ownHint')}</p>
          <button type="button" onClick={() => void exportKey()}>
            {t('keys.export')}
          </button>
        </div>
        {own !== undefined && <QrCode text={own.qrText} label={t('keys.qrLabel')} />}
      </div>
      <h3>{t('keys.enrolTitle')}</h3>
      <div className="rp-row">
        <label>
          {t('keys.name')}
          <input
            value={name}
            maxLength={300}
            onChange={(e) => setName(e.target.value)}
            data-testid="enrol-name"
          />
        </label>
        <label>
          {t('keys.fingerprint')}
          <input
            value={fingerprint}
            maxLength={64}
            onChange={(e) => setFingerprint(e.target.value)}
            data-testid="enrol-fingerprint"
          />
        </label>
        <label>
          {t('keys.qr')}
          <input
            value={qr}
            maxLength={1000}
            onChange={(e) => setQr(e.target.value)}
            data-testid="enrol-qr"
          />
        </label>
        <button type="button" onClick={() => void enrol()} data-testid="enrol">
          {t('keys.enrol')}
        </button>
      </div>
      <label className="rp-file">
        {t('keys.file')}
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => void enrol(e.target.files?.[0])}
          data-testid="enrol-file"
        />
      </label>
      <p role="status" aria-live="polite">
        {status}
      </p>
      <h3>{t('keys.list', { count: enrolled.length })}</h3>
      {enrolled.length === 0 && <p className="rp-muted">{t('keys.none')}</p>}
      <ul className="rp-list" data-testid="enrolled-keys">
        {enrolled.map((k) => (
          <li key={k.keyId}>
            <strong>{k.name}</strong> · <code className="rp-fingerprint">{k.fingerprint}</code> ·{' '}
            <span className="status status-ok">✔ {t(`keys.source.${k.source}`)}</span>{' '}
            <button
              type="button"
              onClick={() => void remove(k.keyId)}
              aria-label={`${t('keys.remove')}: ${k.name}`}
            >
              {t('keys.remove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
