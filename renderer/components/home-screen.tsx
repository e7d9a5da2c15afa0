import { useTranslation } from 'react-i18next';

import { Icon } from './icon';

import { PLACES } from '../places/registry';

export type HomeScreenProps = Readonly<{ onOpen: (place: string) => void }>;

/** The first screen: the four places, each with what it does. */
export function HomeScreen({ onOpen }: HomeScreenProps) {
  const { t } = useTranslation('app');
  return (
    <section aria-labelledby="home-title" className="home">
      <h1 id="home-title">{t('home.title')}</h1>
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
    </section>
  );
}
