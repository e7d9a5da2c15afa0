import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ChecklistListItem, RunListItem } from '../../../main/service/checklists/contract';
import type { FileProblem } from '../../../main/service/checklists/file-problem';
import { failureText, useApi } from '../../api/index';
import { useLoad } from '../../hooks/use-call';
import { ImportPanel } from './import-panel';
import { formatProblemText } from './problems';
import { langOf, pick, useLocal } from '../../i18n/pick';

/** Task groups in display order (the same as `TASKS` in the checklist schema). */
const TASKS: readonly ChecklistListItem['task'][] = ['signature', 'vneid', 'printer', 'typing', 'security', 'handover', 'other'];

type Listing = Readonly<{ checklists: ChecklistListItem[]; problems: FileProblem[] }>;

function ChecklistCard({ item, onStart, highlighted = false }: Readonly<{ item: ChecklistListItem; onStart: (id: string) => void; highlighted?: boolean }>) {
  const { t, i18n } = useTranslation('checklists');
  const lang = langOf(i18n.language);
  const local = useLocal();
  return (
    <li className={highlighted ? 'cl-card cl-card-highlight' : 'cl-card'} data-testid={`checklist-${item.id}`} aria-current={highlighted ? 'true' : undefined}>
      <h3>{local(item.title)}</h3>
      <p>{local(item.summary)}</p>
      <p className="cl-muted">
        {t('steps', { count: item.stepCount })} · {t('version', { version: item.version })} · {t('checkedOn', { date: item.checkedOn })}
        {item.origin === 'imported' && ` · ${t('imported')}`}
        {item.unconfirmedCount > 0 && <> · <span className="cl-tag">⚠ {t('unconfirmedCount', { count: item.unconfirmedCount })}</span></>}
      </p>
      {item.warnings.length > 0 && (
        <details className="cl-warnings" data-testid={`warnings-${item.id}`}>
          <summary>⚠ {t('warnings', { count: item.warnings.length })}</summary>
          <ul className="cl-problems">{item.warnings.map((w) => <li key={`${w.line}:${w.path}`}>{formatProblemText(w, lang)}</li>)}</ul>
        </details>
      )}
      <button type="button" className="primary" onClick={() => onStart(item.id)} data-testid={`start-${item.id}`} aria-label={`${t('start')}: ${local(item.title)}`}>
        {t('start')}
      </button>
    </li>
  );
}

/** The list of checklists by task, with search, runs in progress and the supervisor import. */
export function ChecklistList({ onOpenRun, highlight }: Readonly<{ onOpenRun: (runId: string) => void; highlight?: string }>) {
  const { t, i18n } = useTranslation('checklists');
  const local = useLocal();
  const api = useApi();
  const [query, setQuery] = useState('');
  const lang = langOf(i18n.language);
  const listed = useLoad<Listing>(() => api.checklists.list(query.trim() === '' ? {} : { query }), [api, query]);
  const open = useLoad<RunListItem[]>(() => api.checklists['list-runs']({ status: 'in-progress' }), [api]);
  const listing = listed.state.value;
  const runs = open.state.value ?? [];
  // The link may name an alias (diagnostics fixes do): ask the service which checklist it is.
  const target = useLoad(highlight === undefined ? undefined : () => api.checklists.get({ id: highlight }), [api, highlight]);
  const highlighted = highlight === undefined ? undefined : target.state.value?.checklist.id;
  const [startError, setError] = useState<string>();
  const loadError = listed.state.error ?? target.state.error;
  const error = startError ?? (loadError === undefined ? undefined : pick(loadError, lang));
  const reload = (): void => {
    listed.reload();
    open.reload();
  };
  useEffect(() => {
    if (highlighted === undefined || listing === undefined) return;
    const button = document.querySelector<HTMLButtonElement>(`[data-testid="start-${CSS.escape(highlighted)}"]`);
    button?.scrollIntoView({ block: 'center' });
    button?.focus();
  }, [highlighted, listing]);
  const start = async (checklistId: string): Promise<void> => {
    const result = await api.checklists['start-run']({ checklistId });
    if (result.ok) onOpenRun(result.value.run.runId);
    else setError(failureText(result, i18n.language));
  };
  return (
    <div className="cl-list">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <label className="cl-field cl-search">
        {t('search')}
        <input type="search" value={query} placeholder={t('searchPlaceholder')} onChange={(e) => setQuery(e.target.value)} data-testid="checklist-search" />
      </label>
      {error !== undefined && <p role="alert" className="cl-error">{error}</p>}
      {runs.length > 0 && (
        <section aria-labelledby="cl-runs">
          <h2 id="cl-runs">{t('inProgress')}</h2>
          <ul className="cl-runs">
            {runs.map((r) => (
              <li key={r.runId}>
                {local(r.title)} — {t('runProgress', { done: r.progress.done, total: r.progress.total })}{' '}
                <button type="button" className="secondary" onClick={() => onOpenRun(r.runId)} data-testid={`continue-${r.runId}`}>{t('continue')}</button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {listing === undefined && error === undefined && <p role="status">{t('loading')}</p>}
      {listing?.checklists.length === 0 && <p role="status">{t('none')}</p>}
      {TASKS.map((task) => {
        const items = listing?.checklists.filter((c) => c.task === task) ?? [];
        return items.length === 0 ? null : (
          <section key={task} aria-labelledby={`cl-task-${task}`}>
            <h2 id={`cl-task-${task}`}>{t(`task.${task}`)}</h2>
            <ul className="cl-cards">{items.map((item) => <ChecklistCard key={item.id} item={item} highlighted={item.id === highlighted} onStart={(id) => void start(id)} />)}</ul>
          </section>
        );
      })}
      {(listing?.problems.length ?? 0) > 0 && (
        <section aria-labelledby="cl-problems" className="cl-problems-box">
          <h2 id="cl-problems">⚠ {t('problems')}</h2>
          <ul className="cl-problems">{listing?.problems.map((p) => <li key={`${p.file}:${p.line}:${p.path}`}>{formatProblemText(p, lang)}</li>)}</ul>
        </section>
      )}
      <ImportPanel onImported={reload} />
    </div>
  );
}
