import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ImportResult, ImportStatus } from '../../../main/service/inbox/contract';
import { failureText, useApi } from '../../api/index';
import { readFile } from '../visit/download';
import { langOf } from '../../i18n/pick';

const MARK: Readonly<Record<ImportStatus, string>> = {
  accepted: '✔',
  'unknown-key': '⚠',
  duplicate: '=',
  older: '=',
  unchanged: '=',
  conflict: '⚠',
  refused: '✖',
  tampered: '✖',
};
const TONE: Readonly<Record<ImportStatus, string>> = {
  accepted: 'ok',
  'unknown-key': 'warn',
  duplicate: 'unknown',
  older: 'unknown',
  unchanged: 'unknown',
  conflict: 'fail',
  refused: 'fail',
  tampered: 'fail',
};

/** Splits uploads into requests of at most ~16 MB (the web door accepts 64 MB per request). */
function chunks<T extends { text: string }>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    if (current.length > 0 && size + item.text.length > 16_000_000) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += item.text.length;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Picks many exported visit files, imports them, and shows one verdict per file. */
export function ImportPanel({ onImported }: Readonly<{ onImported: () => void }>) {
  const { t, i18n } = useTranslation('reports');
  const api = useApi();
  const lang = langOf(i18n.language);
  const [progress, setProgress] = useState<string>();
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState<string>();
  const pick = async (files: FileList | null) => {
    const list = [...(files ?? [])];
    if (list.length === 0) return;
    setError(undefined);
    setProgress(t('import.reading', { count: list.length }));
    const uploads = await Promise.all(
      list.map(async (f) => ({ name: f.name, text: await readFile(f, 'text') })),
    );
    const counts: Record<ImportStatus, number> = {
      accepted: 0,
      'unknown-key': 0,
      duplicate: 0,
      older: 0,
      unchanged: 0,
      conflict: 0,
      refused: 0,
      tampered: 0,
    };
    const merged: ImportResult = { verdicts: [], counts };
    for (const chunk of chunks(uploads)) {
      const response = await api.inbox.import(
        { uploads: chunk },
        { onProgress: (e) => setProgress(e.label?.[lang]) },
      );
      if (!response.ok) {
        setError(failureText(response, i18n.language));
        break;
      }
      merged.verdicts.push(...response.value.verdicts);
      for (const v of response.value.verdicts) counts[v.status] += 1;
    }
    setProgress(undefined);
    setResult(merged);
    onImported();
  };
  return (
    <section className="rp-card" aria-labelledby="import-title">
      <h2 id="import-title">{t('import.title')}</h2>
      <p className="rp-muted">{t('import.hint')}</p>
      <label className="rp-file">
        {t('import.pick')}
        <input
          type="file"
          accept=".json,application/json"
          multiple
          onChange={(e) => void pick(e.target.files)}
          data-testid="import-files"
        />
      </label>
      <p role="status" aria-live="polite">
        {progress}
      </p>
      {error !== undefined && (
        <p role="alert" className="rp-error">
          ✖ {error}
        </p>
      )}
      {result !== undefined && (
        <>
          <p data-testid="import-counts">
            {t('import.counts', {
              ...result.counts,
              unknownKey: result.counts['unknown-key'],
            })}
          </p>
          <table className="rp-table" data-testid="verdicts">
            <thead>
              <tr>
                <th scope="col">{t('import.file')}</th>
                <th scope="col">{t('import.verdict')}</th>
                <th scope="col">{t('import.visit')}</th>
                <th scope="col">{t('import.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {result.verdicts.map((v, i) => (
                <tr key={`${i}-${v.name}`} data-status={v.status}>
                  <td>{v.name}</td>
                  <td>
                    <span className={`status status-${TONE[v.status]}`}>
                      {MARK[v.status]} {t(`status.${v.status}`)}
                    </span>
                  </td>
                  <td>
                    {v.commune ? `${v.commune}, ${v.province ?? ''} (${v.date ?? ''})` : '—'}
                    {v.signer ? ` · ${v.signer}` : ''}
                  </td>
                  <td>{v.reason[lang]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
