import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { OutcomeChip } from './outcome-chip';
import { SignOffPanel } from './sign-off-panel';
import { StepPanel } from './step-panel';
import { useLocal } from '../../i18n/pick';
import { useRun } from './use-run';

/** Props of {@link RunWizard}. */
export type RunWizardProps = Readonly<{
  runId: string;
  onBack: () => void;
  /** Called after every step the service saved (a fix run copies itself into the visit). */
  onSaved?: () => void;
}>;

/** A run as a calm step-by-step wizard: progress, the step list, the current step, the sign-off. */
export function RunWizard({ runId, onBack, onSaved }: RunWizardProps) {
  const { t } = useTranslation('checklists');
  const local = useLocal();
  const run = useRun(runId, onSaved);
  // The step on screen: the current one, unless the intern picked another since it became current.
  const [picked, setPicked] = useState<{ id: string; at: string | undefined; n: number }>();
  const current = run.view?.currentStepId;
  const viewing = picked !== undefined && picked.at === current ? picked.id : current;
  const focusKey = `${current ?? ''}:${picked?.n ?? 0}`;
  if (run.view === undefined) return <p role="status">{run.error ?? t('loading')}</p>;
  const { run: data, steps, progress } = run.view;
  const shown = steps.filter((s) => s.visible);
  const viewIndex = shown.findIndex((s) => s.id === viewing);
  const stepView = shown[viewIndex];
  const step = data.checklist.steps.find((s) => s.id === viewing);
  const show = (id: string): void => setPicked({ id, at: current, n: (picked?.n ?? 0) + 1 });
  return (
    <div className="cl-wizard" data-testid="wizard" data-status={data.status}>
      <button type="button" className="secondary" onClick={onBack} data-testid="wizard-back">← {t('wizard.back')}</button>
      <h1>{local(data.checklist.title)}</h1>
      <label className="cl-progress">
        {t('wizard.progress', { done: progress.done, total: progress.total })}
        <progress max={progress.total} value={progress.done} data-testid="progress" />
      </label>
      {run.error !== undefined && <p role="alert" className="cl-error" data-testid="wizard-error">{run.error}</p>}
      {data.status === 'abandoned' && <p role="status" className="cl-unconfirmed">{t('wizard.abandoned')}</p>}
      <div className="cl-layout">
        <nav aria-label={t('wizard.stepList')} className="cl-steplist">
          <ol>
            {shown.map((s) => (
              <li key={s.id}>
                <button type="button" aria-current={s.id === viewing ? 'step' : undefined} onClick={() => show(s.id)}>
                  <span>{local(data.checklist.steps.find((x) => x.id === s.id)?.title ?? { vi: s.id, en: s.id })}</span>
                  <OutcomeChip outcome={s.outcome} />
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <div className="cl-main">
          {step !== undefined && stepView !== undefined && (
            <StepPanel key={step.id} step={step} view={stepView} index={viewIndex} total={shown.length} run={run} focusKey={focusKey} />
          )}
          {step !== undefined && current !== undefined && viewing !== current && (
            <button type="button" className="primary" onClick={() => show(current)} data-testid="go-current">{t('wizard.next')}</button>
          )}
          {current === undefined && viewing === undefined && <Finish runState={run} />}
        </div>
      </div>
      {!run.locked && data.status !== 'completed' && <AbandonButton onConfirm={() => void run.act('abandon', {})} />}
      <details className="cl-sources">
        <summary>{t('wizard.sourcesTitle')}</summary>
        <ul>
          {data.checklist.unconfirmed.map((u) => <li key={u.en}>⚠ {local(u)}</li>)}
          {data.checklist.sources.map((s) => <li key={s.url + s.label}>{s.label} — {s.url}</li>)}
        </ul>
      </details>
    </div>
  );
}

/** Abandons the run after a second press (no modal dialog; keyboard friendly). */
function AbandonButton({ onConfirm }: Readonly<{ onConfirm: () => void }>) {
  const { t } = useTranslation('checklists');
  const [armed, setArmed] = useState(false);
  return (
    <button type="button" className="secondary cl-abandon" onClick={() => (armed ? onConfirm() : setArmed(true))} onBlur={() => setArmed(false)} data-testid="abandon">
      {armed ? t('wizard.abandonConfirm') : t('wizard.abandon')}
    </button>
  );
}

function Finish({ runState }: Readonly<{ runState: ReturnType<typeof useRun> }>) {
  const { t, i18n } = useTranslation('checklists');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const data = runState.view?.run;
  if (data === undefined) return null;
  const { signOff } = data;
  return (
    <section className="cl-finish" data-testid="finish">
      <h2 tabIndex={-1} ref={heading}>{data.status === 'completed' ? t('wizard.completed') : data.status === 'abandoned' ? t('wizard.abandoned') : t('wizard.allDone')}</h2>
      {signOff !== undefined && (
        <div>
          <p data-testid="signed">{t('signOff.signed', { name: signOff.name, position: signOff.position, date: new Date(signOff.signedAt).toLocaleString(i18n.language) })}</p>
          <img className="cl-signature" src={signOff.signaturePng} alt={signOff.name} />
        </div>
      )}
      {signOff === undefined && data.checklist.signOff !== 'none' && data.status !== 'abandoned' && (
        <SignOffPanel run={runState} required={data.checklist.signOff === 'required'} />
      )}
    </section>
  );
}
