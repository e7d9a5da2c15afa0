import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ExportResult } from '../../../main/service/reports/contract';
import { failureText, useApi } from '../../api/index';
import { downloadBase64 } from './download';
import { langOf } from '../../i18n/pick';

const FORMATS = ['pdf', 'docx', 'xlsx', 'csv', 'json', 'html'] as const;

/** Export buttons (each offers the file as a download) and the Zalo summary to copy. */
export function ExportPanel({
  file,
  beforeExport,
}: Readonly<{ file: string; beforeExport: () => Promise<void> }>) {
  const { t, i18n } = useTranslation('visit');
  const api = useApi();
  const lang = langOf(i18n.language);
  const [status, setStatus] = useState<string>();
  const [summary, setSummary] = useState<string>();
  const exportAs = async (format: (typeof FORMATS)[number]) => {
    await beforeExport();
    setStatus(t('export.working', { format: format.toUpperCase() }));
    const result = await api.reports.export({ ref: { file }, format, inline: true, lang });
    if (!result.ok) {
      setStatus(`✖ ${failureText(result, i18n.language)}`);
      return;
    }
    const value: ExportResult = result.value;
    if (value.contentBase64 !== undefined)
      downloadBase64(value.contentBase64, value.fileName, value.mime);
    setStatus(
      `✔ ${t('export.done', { name: value.fileName, size: Math.ceil(value.bytes / 1024) })}`,
    );
  };
  const preview = async () => {
    await beforeExport();
    const result = await api.reports['preview-summary']({ ref: { file }, lang });
    if (result.ok) setSummary(result.value.text);
    else setStatus(`✖ ${failureText(result, i18n.language)}`);
  };
  const copy = async () => {
    if (summary === undefined) return;
    try {
      await navigator.clipboard.writeText(summary);
      setStatus(`✔ ${t('export.copied')}`);
    } catch {
      setStatus(`⚠ ${t('export.copyFailed')}`);
    }
  };
  return (
    <section className="visit-card" aria-labelledby="export-title" data-testid="export-panel">
      <h2 id="export-title">{t('export.title')}</h2>
      <p className="visit-muted">{t('export.hint')}</p>
      <div className="visit-buttons">
        {FORMATS.map((format) => (
          <button
            type="button"
            key={format}
            onClick={() => void exportAs(format)}
            data-testid={`export-${format}`}
          >
            {t(`export.${format}`)}
          </button>
        ))}
        <button type="button" onClick={() => void preview()} data-testid="export-text">
          {t('export.text')}
        </button>
      </div>
      <p role="status" aria-live="polite" data-testid="export-status">
        {status}
      </p>
      {summary !== undefined && (
        <div>
          <label htmlFor="zalo-summary">{t('export.summaryLabel')}</label>
          <textarea
            id="zalo-summary"
            readOnly
            value={summary}
            rows={8}
            data-testid="zalo-summary"
          />
          <button type="button" onClick={() => void copy()}>
            {t('export.copy')}
          </button>
        </div>
      )}
    </section>
  );
}
