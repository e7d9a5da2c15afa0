import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { ImportReport } from '../../../main/service/checklists/contract';
import { formatProblemText } from './problems';
import { failureText, useApi } from '../../api/index';
import { langOf, useLocal } from '../../i18n/pick';

/** Supervisor import: pick a file, see what it would do, then confirm. */
export function ImportPanel({ onImported }: Readonly<{ onImported: () => void }>) {
  const { t, i18n } = useTranslation('checklists');
  const local = useLocal();
  const api = useApi();
  const [file, setFile] = useState<{ fileName: string; text: string }>();
  const [report, setReport] = useState<ImportReport>();
  const [message, setMessage] = useState<string>();
  const lang = langOf(i18n.language);
  const pick = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const chosen = e.target.files?.[0];
    if (chosen === undefined) return;
    const next = { fileName: chosen.name, text: await chosen.text() };
    setFile(next);
    setMessage(undefined);
    const result = await api.checklists.import({ ...next, confirm: false });
    if (result.ok) setReport(result.value);
    else setMessage(failureText(result, i18n.language));
  };
  const confirm = async (): Promise<void> => {
    if (file === undefined) return;
    const result = await api.checklists.import({ ...file, confirm: true });
    if (!result.ok) {
      setMessage(failureText(result, i18n.language));
      return;
    }
    const c = result.value.report.checklist;
    setMessage(c === undefined ? '' : t('import.stored', { title: local(c.title), version: c.version }));
    setReport(undefined);
    setFile(undefined);
    onImported();
  };
  const c = report?.report.checklist;
  const vars = { title: c === undefined ? '' : local(c.title), version: c?.version ?? '', steps: c?.steps.length ?? 0, from: report?.current?.version ?? '' };
  return (
    <details className="cl-import" data-testid="import">
      <summary>{t('import.title')}</summary>
      <p className="cl-muted">{t('import.help')}</p>
      <label className="cl-field">
        {t('import.file')}
        <input type="file" accept=".yaml,.yml,.json" onChange={(e) => void pick(e)} data-testid="import-file" />
      </label>
      {report !== undefined && (
        <div role="status" data-testid="import-preview">
          <p>{t(`import.${report.action}`, vars)}</p>
          {report.report.errors.length > 0 && <ul className="cl-problems">{report.report.errors.map((p) => <li key={`${p.line}:${p.path}`}>{formatProblemText(p, lang)}</li>)}</ul>}
          {report.report.warnings.length > 0 && (
            <>
              <p>{t('import.warnings')}</p>
              <ul className="cl-problems">{report.report.warnings.map((p) => <li key={`${p.line}:${p.path}`}>{formatProblemText(p, lang)}</li>)}</ul>
            </>
          )}
          {(report.action === 'new' || report.action === 'update') && (
            <button type="button" className="primary" onClick={() => void confirm()} data-testid="import-confirm">{t('import.confirm')}</button>
          )}
          <button type="button" className="secondary" onClick={() => setReport(undefined)}>{t('import.cancel')}</button>
        </div>
      )}
      {message !== undefined && <p role="status">{message}</p>}
    </details>
  );
}
