import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { useApi } from '../../api/index';
import { useLoad } from '../../hooks/use-call';
import { langOf, pick } from '../../i18n/pick';
import { formatDay } from './format';

/** An imported visit, opened read-only (the service checks its seal again first). */
export function VisitView({
  visitId,
  onClose,
}: Readonly<{ visitId: string; onClose: () => void }>) {
  const { t, i18n } = useTranslation('reports');
  const lang = langOf(i18n.language);
  const api = useApi();
  const { state } = useLoad(() => api.inbox.visit({ visitId }), [api, visitId]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [visitId]);
  const value = state.value;
  const v = value?.visit;
  return (
    <section className="rp-card rp-view" aria-labelledby="view-title" data-testid="visit-view">
      <div className="rp-row rp-between">
        <h2 id="view-title" tabIndex={-1} ref={heading}>
          {t('view.title')}
          {v ? `: ${v.commune.name} · ${formatDay(v.onSite.date, lang)}` : ''}
        </h2>
        <button type="button" onClick={onClose}>
          {t('view.close')}
        </button>
      </div>
      <p className="rp-muted">{t('view.readOnly')}</p>
      {state.error !== undefined && (
        <p role="alert" className="rp-error">
          ✖ {pick(state.error, i18n.language)}
        </p>
      )}
      {v === undefined ? (
        state.error === undefined && <p>{t('view.loading')}</p>
      ) : (
        <>
          <p>
            {v.office} · {v.commune.province} · {v.interns.map((i) => i.name).join(', ')}
            {' · '}
            {t('view.sealedBy')}: {value?.entry.signer ?? t('status.unknown-key')}
          </p>
          <h3>{t('view.machines', { count: v.machines.length })}</h3>
          <ul className="rp-list">
            {v.machines.map((m, i) => (
              <li key={m.snapshot.machine.fingerprint}>
                {m.assetTag ? `${m.assetTag} · ` : ''}
                {m.snapshot.machine.hostname} · {m.snapshot.osName} ·{' '}
                {t('view.problems', { count: value?.entry.facts.machines[i]?.tally.problems ?? 0 })}
              </li>
            ))}
          </ul>
          <h3>{t('view.openItems')}</h3>
          <ul className="rp-list">
            {v.openItems.map((o) => (
              <li key={o.id}>
                {o.text} · {o.done ? t('view.done') : t('view.notDone')}
              </li>
            ))}
          </ul>
          <h3>{t('view.people')}</h3>
          <ul className="rp-list">
            {v.peopleHelped.map((p, i) => (
              <li key={i}>
                {p.count} · {t(`terms.role.${p.role}`)} ·{' '}
                {t(`terms.helped.${p.category ?? 'other'}`)}
                {p.task ? ` · ${p.task}` : ''}
              </li>
            ))}
          </ul>
          {v.assessment !== undefined && (
            <>
              <h3>{t('view.assessment')}</h3>
              <blockquote>
                {v.assessment.text}
                {v.assessment.by ? ` — ${v.assessment.by}` : ''}
              </blockquote>
            </>
          )}
        </>
      )}
    </section>
  );
}
