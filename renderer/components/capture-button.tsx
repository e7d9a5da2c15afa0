import { useTranslation } from 'react-i18next';

import { useCapture } from '../hooks/use-capture';
import { langOf } from '../i18n/pick';

/**
 * The field capture, in the about corner: one button that runs the read-only PowerShell
 * scripts, redacts, and saves one JSON file in the data folder; then says where it is and to
 * send it to the supervisor. Progress names the script; Esc or the button cancels.
 */
export function CaptureButton() {
  const { t, i18n } = useTranslation('app');
  const lang = langOf(i18n.language);
  const { state, start, cancel } = useCapture(i18n.language);
  return (
    <section className="capture" aria-label={t('capture.label')} data-testid="capture">
      {state.phase === 'running' ? (
        <>
          <label htmlFor="capture-progress">
            {state.step
              ? t('capture.running', {
                  index: state.step.index,
                  total: state.step.total,
                  title: state.step.title[lang],
                })
              : t('capture.starting')}
          </label>
          <progress id="capture-progress" max={100} value={state.percent} />
          <button
            type="button"
            className="secondary"
            onClick={cancel}
            onKeyDown={(e) => e.key === 'Escape' && cancel()}
            data-testid="capture-cancel"
          >
            {t('capture.cancel')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="secondary"
          onClick={start}
          title={t('capture.hint')}
          data-testid="capture-start"
        >
          {t('capture.start')}
        </button>
      )}
      <span role="status" aria-live="polite">
        {state.phase === 'saved' && (
          <>
            <span data-testid="capture-path">{t('capture.saved', { path: state.saved.path })}</span>{' '}
            <span>{t('capture.send')}</span>
          </>
        )}
        {state.phase === 'failed' &&
          (state.cancelled ? t('capture.cancelled') : t('capture.failed', { reason: state.error }))}
      </span>
    </section>
  );
}
