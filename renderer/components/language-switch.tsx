import { useTranslation } from 'react-i18next';

import { setLang } from '../i18n/index';

/** One button that switches between Vietnamese and English. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('app');
  const next = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <button
      type="button"
      className="lang-switch"
      data-testid="lang-switch"
      lang={next}
      aria-label={t('language.switchToLabel')}
      onClick={() => void setLang(next)}
    >
      {t('language.switchTo')}
    </button>
  );
}
