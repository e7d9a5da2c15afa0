import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { InboxPage } from '../../../main/service/inbox/contract';
import { failureText, useApi } from '../../api/index';
import { useLoad } from '../../hooks/use-call';
import { downloadBase64 } from '../visit/download';
import { langOf } from '../../i18n/pick';
import { formatCount } from '../../../main/service/vocabulary';
import { formatDay } from './format';

const FORMATS = ['pdf', 'docx', 'xlsx', 'json'] as const;
/** Visits per page of the list. */
const PAGE = 50;

/**
 * The visits in the inbox, newest first, a page at a time (10,000 visits stay a small answer),
 * each with its key, a read-only view and downloads.
 */
export function InboxList({
  version,
  onOpen,
}: Readonly<{ version: number; onOpen: (visitId: string) => void }>) {
  const { t, i18n } = useTranslation('reports');
  const api = useApi();
  const [offset, setOffset] = useState(0);
  const { state } = useLoad<InboxPage>(
    () => api.inbox.list({ offset, limit: PAGE }),
    [api, version, offset],
  );
  const entries = state.value?.items ?? [];
  const total = state.value?.total ?? 0;
  const lang = langOf(i18n.language);
  const count = (n: number): string => formatCount(n, lang);
  const [status, setStatus] = useState<string>();
  const download = async (visitId: string, format: (typeof FORMATS)[number]) => {
    const r = await api.inbox.report({
      visitId,
      format,
      inline: true,
      lang,
    });
    if (r.ok && r.value.contentBase64 !== undefined) {
      downloadBase64(r.value.contentBase64, r.value.fileName, r.value.mime);
      setStatus(`✔ ${r.value.fileName}`);
    } else if (!r.ok) setStatus(`✖ ${failureText(r, i18n.language)}`);
  };
  return (
    <details className="rp-card" data-testid="inbox-list">
      <summary>{t('inbox.title', { count: count(total) })}</summary>
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
          {entries.map((e) => (
            <tr key={e.visitId}>
              <th scope="row">
                {e.facts.commune}, {e.facts.province} · {formatDay(e.facts.date, lang)}
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
                  aria-label={`${t('inbox.open')}: ${e.facts.commune} ${formatDay(e.facts.date, lang)}`}
                >
                  {t('inbox.open')}
                </button>
                {FORMATS.map((f) => (
                  <button
                    type="button"
                    key={f}
                    onClick={() => void download(e.visitId, f)}
                    aria-label={`${f.toUpperCase()}: ${e.facts.commune} ${formatDay(e.facts.date, lang)}`}
                  >
                    {f.toUpperCase()}
                  </button>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > PAGE && (
        <p className="rp-row" data-testid="inbox-pages">
          <button
            type="button"
            disabled={offset === 0}
            onClick={() => setOffset((o) => Math.max(0, o - PAGE))}
          >
            {t('inbox.previous')}
          </button>
          <span>
            {t('inbox.showing', {
              from: count(offset + 1),
              to: count(Math.min(offset + PAGE, total)),
              total: count(total),
            })}
          </span>
          <button
            type="button"
            disabled={offset + PAGE >= total}
            onClick={() => setOffset((o) => o + PAGE)}
          >
            {t('inbox.next')}
          </button>
        </p>
      )}
    </details>
  );
}
