import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { InboxListItem } from '../../../main/service/inbox/contract';
import { failureText, useApi } from '../../api/index';
import { useLoad } from '../../hooks/use-call';
import { downloadBase64 } from '../visit/download';
import { langOf } from '../../i18n/pick';

const FORMATS = ['pdf', 'docx', 'xlsx', 'json'] as const;

/** The visits in the inbox, newest first, each with its key, a read-only view and downloads. */
export function InboxList({
  version,
  onOpen,
}: Readonly<{ version: number; onOpen: (visitId: string) => void }>) {
  const { t, i18n } = useTranslation('reports');
  const api = useApi();
  const { state } = useLoad<InboxListItem[]>(() => api.inbox.list({}), [api, version]);
  const entries = state.value ?? [];
  const [status, setStatus] = useState<string>();
  const download = async (visitId: string, format: (typeof FORMATS)[number]) => {
    const r = await api.inbox.report({
      visitId,
      format,
      inline: true,
      lang: langOf(i18n.language),
    });
    if (r.ok && r.value.contentBase64 !== undefined) {
      downloadBase64(r.value.contentBase64, r.value.fileName, r.value.mime);
      setStatus(`✔ ${r.value.fileName}`);
    } else if (!r.ok) setStatus(`✖ ${failureText(r, i18n.language)}`);
  };
  return (
    <details className="rp-card" data-testid="inbox-list">
      <summary>{t('inbox.title', { count: entries.length })}</summary>
      <p role="status" aria-live="polite">
        {status}
      </p>
      <table className="rp-table">
        <thead>
          <tr>
            <th scope="col">{t('inbox.visit')}</th>
            <th scope="col">{t('inbox.interns')}</th>
            <th scope="col">{t('inbox.key')}</th>
            <th scope="col">{t('inbox.reports')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.slice(0, 500).map((e) => (
            <tr key={e.visitId}>
              <th scope="row">
                {e.facts.commune}, {e.facts.province} · {e.facts.date}
              </th>
              <td>{e.facts.interns.join(', ')}</td>
              <td>
                {e.trust === 'enrolled' ? (
                  <span className="status status-ok">
                    ✔ {e.signer} ({t('inbox.enrolled')})
                  </span>
                ) : (
                  <span className="status status-warn">⚠ {t('status.unknown-key')}</span>
                )}
              </td>
              <td className="rp-actions">
                <button
                  type="button"
                  onClick={() => onOpen(e.visitId)}
                  aria-label={`${t('inbox.open')}: ${e.facts.commune} ${e.facts.date}`}
                >
                  {t('inbox.open')}
                </button>
                {FORMATS.map((f) => (
                  <button
                    type="button"
                    key={f}
                    onClick={() => void download(e.visitId, f)}
                    aria-label={`${f.toUpperCase()}: ${e.facts.commune} ${e.facts.date}`}
                  >
                    {f.toUpperCase()}
                  </button>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
