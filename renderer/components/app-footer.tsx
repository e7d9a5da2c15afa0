import { useTranslation } from 'react-i18next';

import { useAppInfo } from '../hooks/use-app-info';
import { CaptureButton } from './capture-button';

/** Version, door and data folder: proves the UI talks to the real service. */
export function AppFooter() {
  const { t, i18n } = useTranslation('app');
  const { info, error } = useAppInfo(i18n.language);
  return (
    <footer className="app-footer" data-testid="app-footer">
      {info && (
        <>
          <span>{t('footer.version', { version: info.version })}</span>
          <span>{t(`footer.door.${info.door}`)}</span>
          <span data-testid="data-dir">
            {t('footer.dataDir', { dir: info.dataDir })}
            {info.portable ? ` — ${t('footer.portable')}` : ''}
          </span>
        </>
      )}
      {error && <span role="alert">{t('footer.offline', { reason: error })}</span>}
      <CaptureButton />
    </footer>
  );
}
