import { useTranslation } from 'react-i18next';

import type { VisitListItem } from '../../main/service/visits/contract';
import { formatDate } from '../../main/service/vocabulary';
import { useApi } from '../api/index';
import { useLoad } from '../hooks/use-call';
import { useLang } from '../i18n/pick';
import { PLACES } from '../places/registry';
import { NewVisitForm } from '../places/visit/visit-list';
import { Icon } from './icon';
import { ProvincePack } from './province-pack';

export type HomeScreenProps = Readonly<{ onOpen: (place: string) => void }>;

/** How many visits in progress the home screen lists (newest first). */
const RECENT = 5;

/** The visits to continue: the active one first, then the newest. */
function Continue({ onContinue }: Readonly<{ onContinue: (id: string) => void }>) {
  const { t } = useTranslation('app');
  const lang = useLang();
  const api = useApi();
  const { state } = useLoad<{ items: VisitListItem[]; active?: string }>(async () => {
    const [list, app] = await Promise.all([api.visits.list({}), api.app.state({})]);
    if (!list.ok) return list;
    const active = app.ok ? app.value.activeVisitId : undefined;
    const items = [...list.value].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    const first = items.filter((v) => v.id === active);
    const rest = items.filter((v) => v.id !== active);
    return {
      ok: true,
      value: { items: [...first, ...rest].slice(0, RECENT), ...(active ? { active } : {}) },
    };
  }, [api]);
  const items = state.value?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="home-continue" className="home-continue">
      <h2 id="home-continue">{t('home.inProgress')}</h2>
      <ul className="home-visits" data-testid="home-visits">
        {items.map((v) => (
          <li key={v.id} className={v.id === state.value?.active ? 'home-visit-active' : ''}>
            <span>
              <strong>{v.commune}</strong>
              {v.province ? `, ${v.province}` : ''} · {formatDate(v.date, lang)} ·{' '}
              {t('home.machines', { count: v.machines })}
              {v.id === state.value?.active ? ` · ${t('home.active')}` : ''}
            </span>
            <button
              type="button"
              className="primary"
              onClick={() => onContinue(v.id)}
              data-testid="home-continue"
            >
              {t('home.continue')}
            </button>
          </li>
        ))}
      </ul>
      <ProvincePack />
    </section>
  );
}

/** The first screen is today's work: start a visit or continue one; the four places below. */
export function HomeScreen({ onOpen }: HomeScreenProps) {
  const { t } = useTranslation('app');
  const api = useApi();
  const enter = (id: string): void => {
    void api.app['set-active-visit']({ visitId: id }).then(() => onOpen('visit'));
  };
  return (
    <section aria-labelledby="home-title" className="home">
      <h1 id="home-title">{t('home.title')}</h1>
      <Continue onContinue={enter} />
      <details className="home-start" data-testid="home-start" open>
        <summary>
          <h2>{t('home.start')}</h2>
        </summary>
        <NewVisitForm heading={false} onOpen={(v) => enter(v.id)} />
      </details>
      <h2>{t('home.places')}</h2>
      <ul className="home-cards">
        {PLACES.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className="home-card"
              data-testid={`home-${p.id}`}
              onClick={() => onOpen(p.id)}
            >
              <Icon name={p.icon} size={32} className="home-card-icon" />
              <span className="home-card-title">{t(`nav.${p.id}`)}</span>
              <span className="home-card-text">{t(`places.${p.id}`)}</span>
            </button>
          </li>
        ))}
      </ul>
      <ProvincePack />
    </section>
  );
}
