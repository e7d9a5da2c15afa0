import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { VisitListItem } from '../../../main/service/visits/contract';
import { failureText, useApi } from '../../api/index';
import { useLoad } from '../../hooks/use-call';
import { formatDate } from '../../../main/service/vocabulary';
import { pick, useLang } from '../../i18n/pick';

/** Opens a visit (and makes it the active one). */
export type OpenVisit = (visit: Readonly<{ id: string; file: string }>) => void;
type Props = Readonly<{ onOpen: OpenVisit }>;

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The form that starts a visit (open items of the commune's last visit come along). `heading`
 * false where the place around it already names it (the home screen's "Bắt đầu chuyến công tác").
 */
export function NewVisitForm({ onOpen, heading = true }: Props & Readonly<{ heading?: boolean }>) {
  const { t, i18n } = useTranslation('visit');
  const api = useApi();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const interns = text('interns')
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((name) => ({ name }));
    setBusy(true);
    const result = await api.visits.create({
      fields: {
        commune: { name: text('commune'), province: text('province') },
        interns,
        office: text('office'),
        onSite: { date: text('date') },
      },
    });
    setBusy(false);
    if (result.ok) onOpen({ id: result.value.visit.id, file: result.value.file });
    else setError(failureText(result, i18n.language));
  };
  return (
    <form className="visit-card" onSubmit={(e) => void submit(e)} data-testid="new-visit-form">
      {heading ? <h2>{t('new.title')}</h2> : null}
      <div className="visit-grid">
        <label>
          {t('fields.commune')}
          <input name="commune" required maxLength={200} data-testid="new-commune" />
        </label>
        <label>
          {t('fields.province')}
          <input name="province" required maxLength={200} data-testid="new-province" />
        </label>
        <label>
          {t('fields.office')}
          <input name="office" maxLength={300} />
        </label>
        <label>
          {t('fields.date')}
          <input name="date" type="date" required defaultValue={today()} />
        </label>
        <label className="visit-wide">
          {t('fields.interns')}
          <input name="interns" placeholder={t('new.internsHint')} data-testid="new-interns" />
        </label>
      </div>
      {error !== undefined && (
        <p role="alert" className="visit-error">
          ✖ {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy} data-testid="create-visit">
        {t('new.create')}
      </button>
    </form>
  );
}

/** Opens a visit file made elsewhere (e.g. by `xaso visit new --out` on the USB stick). */
function OpenFileForm({ onOpen }: Props) {
  const { t, i18n } = useTranslation('visit');
  const api = useApi();
  const [path, setPath] = useState('');
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = await api.visits['open-file']({ file: path.trim() });
    if (result.ok) onOpen({ id: result.value.visit.id, file: result.value.file });
    else setError(failureText(result, i18n.language));
  };
  return (
    <form className="visit-row" onSubmit={(e) => void submit(e)}>
      <label className="visit-grow">
        {t('openFile.label')}
        <input
          value={path}
          required
          onChange={(e) => setPath(e.target.value)}
          placeholder={'D:\\xaso\\xa-tan-phuoc-hung.json'}
          data-testid="open-file-path"
        />
      </label>
      <button type="submit">{t('openFile.open')}</button>
      {error !== undefined && (
        <p role="alert" className="visit-error">
          ✖ {error}
        </p>
      )}
    </form>
  );
}

/** Saved visits, newest first, and the form to start a new one. */
export function VisitList({ onOpen }: Props) {
  const { t, i18n } = useTranslation('visit');
  const lang = useLang();
  const api = useApi();
  const { state } = useLoad<VisitListItem[]>(() => api.visits.list({}), [api]);
  const items = state.value;
  const error = state.error === undefined ? undefined : pick(state.error, i18n.language);
  return (
    <section className="visit" aria-labelledby="visit-title">
      <h1 id="visit-title">{t('title')}</h1>
      <p className="visit-muted">{t('intro')}</p>
      <NewVisitForm onOpen={onOpen} />
      <h2>{t('list.title')}</h2>
      <OpenFileForm onOpen={onOpen} />
      {error !== undefined && (
        <p role="alert" className="visit-error">
          ✖ {error}
        </p>
      )}
      {items === undefined && error === undefined && <p aria-busy="true">{t('loading')}</p>}
      {items?.length === 0 && <p>{t('list.empty')}</p>}
      <ul className="visit-items" data-testid="visit-list">
        {items?.map((item) => (
          <li key={item.id}>
            <button type="button" className="visit-item" onClick={() => onOpen(item)}>
              <strong>{item.commune}</strong> — {item.province} · {formatDate(item.date, lang)}
              <span className="visit-muted">
                {' '}
                · {t('list.machines', { count: item.machines })} ·{' '}
                {t('list.open', { count: item.openItems })} · {item.interns.join(', ')}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
