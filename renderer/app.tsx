import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { Icon } from './components/icon';

import { AppFooter } from './components/app-footer';
import { HomeScreen } from './components/home-screen';
import { LanguageSwitch } from './components/language-switch';
import { useRoute } from './hooks/use-route';
import { PLACES } from './places/registry';

/** The shell: header with the four places and the language switch, the current place, footer. */
export function App() {
  const { t } = useTranslation('app');
  const [route, go] = useRoute();
  // `#/checklists/token-install`: the place, then what to open inside it.
  const [placeId = '', ...rest] = route.split('/');
  const subpath = rest.join('/');
  const place = PLACES.find((p) => p.id === placeId);
  const mainRef = useRef<HTMLElement>(null);
  const firstRoute = useRef(placeId);
  useEffect(() => {
    // After a move to another place, start reading there (not on first load: the page starts
    // at the top, with the skip link first).
    if (placeId !== firstRoute.current) {
      firstRoute.current = placeId;
      mainRef.current?.focus();
    }
  }, [placeId]);
  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <button type="button" className="brand" onClick={() => go('')} aria-label={t('nav.home')}>
          <span className="brand-mark" aria-hidden="true">
            {t('brandMark')}
          </span>
          <span>
            <span className="brand-name">{t('appName')}</span>
            <span className="brand-tagline">{t('tagline')}</span>
          </span>
        </button>
        <nav aria-label={t('nav.label')} className="app-nav">
          <ul>
            {PLACES.map((p) => (
              <li key={p.id}>
                <a
                  href={`#/${p.id}`}
                  data-testid={`nav-${p.id}`}
                  aria-current={p.id === placeId ? 'page' : undefined}
                >
                  <Icon name={p.icon} /> {t(`nav.${p.id}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <LanguageSwitch />
      </header>
      <main
        id="main"
        ref={mainRef}
        tabIndex={-1}
        className="app-main"
        data-testid={`place-${place?.id ?? 'home'}`}
      >
        {place ? <place.Component subpath={subpath} /> : <HomeScreen onOpen={go} />}
      </main>
      <AppFooter />
    </div>
  );
}
