import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { CheckResult } from '../../../diagnostics/types';
import type { CheckStep } from '../../../main/service/checklists/schema';
import type { StepState, StepView } from '../../../main/service/checklists/run-model';
import { StatusBadge } from '../../components/status-badge';
import { useLocal } from '../../i18n/pick';
import type { RunState } from './use-run';

type Seen = Pick<CheckResult, 'id' | 'status' | 'title' | 'detail'>;

function CheckList({ checks }: Readonly<{ checks: readonly Seen[] }>) {
  const local = useLocal();
  return (
    <ul className="cl-checks" data-testid="check-results">
      {checks.map((c) => (
        <li key={c.id}>
          <StatusBadge status={c.status} /> <strong>{local(c.title)}</strong> — {local(c.detail)}
        </li>
      ))}
    </ul>
  );
}

/** Props of {@link CheckPanel}. */
export type CheckPanelProps = Readonly<{ step: CheckStep; state: StepState | undefined; view: StepView; run: RunState }>;

/** An automatic check: run it, watch it live, see what was found, check again, fix or override. */
export function CheckPanel({ step, state, view, run }: CheckPanelProps) {
  const { t } = useTranslation('checklists');
  const local = useLocal();
  const [reason, setReason] = useState(state?.overrideReason ?? '');
  const check = state?.check;
  const failed = check !== undefined && !check.passed;
  const override = (e: FormEvent): void => {
    e.preventDefault();
    void run.act('override', { stepId: step.id, reason });
  };
  return (
    <div className="cl-check" aria-busy={run.busy}>
      <div role="status" aria-live="polite" className="cl-check-status" data-testid="check-status">
        {run.busy ? t('wizard.checking') : check === undefined ? null : check.passed ? (
          <StatusBadge status="ok" />
        ) : (
          <span className="status status-fail" data-status="fail">✕ {t(view.outcome === 'overridden' ? 'wizard.overridden' : 'wizard.failed')}</span>
        )}
      </div>
      {run.busy && run.live.length > 0 && <CheckList checks={run.live} />}
      {!run.busy && check !== undefined && (
        <>
          {check.problem !== undefined && <p>{local(check.problem)}</p>}
          {check.checks.length > 0 && (
            <>
              <p className="cl-muted">{t('wizard.found')}</p>
              <CheckList checks={check.checks} />
            </>
          )}
        </>
      )}
      <button type="button" className={check === undefined ? 'primary' : 'secondary'} disabled={run.busy || run.locked} onClick={() => void run.act('run-check', { stepId: step.id }, true)} data-testid="run-check">
        {check === undefined ? t('wizard.runCheck') : t('wizard.checkAgain')}
      </button>
      {failed && !run.locked && (
        <div className="cl-fix">
          <p><strong>{t('wizard.fix')}</strong> {local(step.fix)}</p>
          <form onSubmit={override} className="cl-override">
            <label className="cl-field">
              {t('wizard.overrideReason')}
              <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} required minLength={5} data-testid="override-reason" />
            </label>
            <button type="submit" className="secondary" disabled={run.busy || reason.trim().length < 5} data-testid="override-save">
              {t('wizard.overrideSave')}
            </button>
          </form>
        </div>
      )}
    </div>
  );
}
