import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import type { Step } from '../../../main/service/checklists/schema';
import type { StepView } from '../../../main/service/checklists/run-model';
import { CheckPanel } from './check-panel';
import { EvidencePanel } from './evidence-panel';
import { OutcomeChip } from './outcome-chip';
import { StepInput } from './step-input';
import { useLocal } from '../../i18n/pick';
import type { RunState } from './use-run';

/** Props of {@link StepPanel}. */
export type StepPanelProps = Readonly<{ step: Step; view: StepView; index: number; total: number; run: RunState; focusKey: string }>;

/** One step of the wizard: its text, its control, its check, its evidence. */
export function StepPanel({ step, view, index, total, run, focusKey }: StepPanelProps) {
  const { t } = useTranslation('checklists');
  const local = useLocal();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [focusKey]);
  const state = run.view?.run.steps[step.id];
  const needsEvidence = view.failing && (step.onFail?.require.length ?? 0) > 0 && (step.kind !== 'check' || view.outcome === 'overridden' || view.manual);
  const answer = (value: string | undefined): void => {
    void run.act('answer', { stepId: step.id, ...(value === undefined ? {} : { value }) });
  };
  return (
    <section className="cl-step" aria-labelledby={`cl-step-${step.id}`} data-testid={`step-${step.id}`} data-kind={step.kind}>
      <p className="cl-muted">{t('wizard.stepOf', { n: index + 1, total })} · <OutcomeChip outcome={view.outcome} /></p>
      <h2 id={`cl-step-${step.id}`} ref={heading} tabIndex={-1}>{local(step.title)}</h2>
      {step.unconfirmed !== undefined && (
        <p className="cl-unconfirmed" data-testid="unconfirmed"><span className="cl-tag">⚠ {t('wizard.unconfirmed')}</span> {local(step.unconfirmed)}</p>
      )}
      {step.body !== undefined && <p className="cl-body">{local(step.body)}</p>}
      {(step.images ?? []).filter((i) => i.src.startsWith('data:image/')).map((i) => (
        <img key={i.src.slice(0, 64)} className="cl-image" src={i.src} alt={local(i.alt)} />
      ))}
      {step.kind === 'check' && view.manual && <p className="cl-unconfirmed">{t('wizard.manual', { probe: step.probe })}</p>}
      {step.kind === 'check' && !view.manual && <CheckPanel key={step.id} step={step} state={state} view={view} run={run} />}
      <StepInput key={`${step.id}:${state?.answer ?? ''}`} step={step} manual={view.manual} current={state?.answer} busy={run.busy || run.locked} onAnswer={answer} />
      {needsEvidence && !run.locked && <EvidencePanel key={step.id} step={step} state={state} run={run} />}
      {view.missing.length > 0 && view.outcome !== 'pending' && (
        <p className="cl-missing" role="status" data-testid="missing">
          {t('wizard.missing', { list: view.missing.map((m) => t(`wizard.missingItem.${m}`)).join(', ') })}
        </p>
      )}
    </section>
  );
}
