import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { tallyChecks } from '../../../diagnostics/findings';
import type { MachineSnapshot } from '../../../diagnostics/types';
import { Icon } from '../../components/icon';
import { pick } from '../../i18n/pick';
import { CheckList } from './check-list';
import { lastSnapshot, rememberSnapshot } from './last-snapshot';
import { SnapshotToVisit } from './snapshot-to-visit';
import { useSweep, type SweepState } from './use-sweep';

function Verdict({ snapshot }: Readonly<{ snapshot: MachineSnapshot }>) {
  const { t } = useTranslation('diagnose');
  // Recounted from the checks: snapshots saved before `summary.affected` existed count wrong.
  const { problems, fail, warn, affected, unknown, notApplicable } = tallyChecks(snapshot.checks);
  const m = snapshot.machine;
  return (
    <div
      className={`verdict ${problems === 0 ? 'verdict-ok' : fail > 0 ? 'verdict-fail' : 'verdict-warn'}`}
      data-testid="verdict"
      role="status"
    >
      <Icon name={problems === 0 ? 'ok' : fail > 0 ? 'fail' : 'warn'} size={28} />
      <div>
        <h2>{problems === 0 ? t('verdict.ready') : t('verdict.problems', { count: problems })}</h2>
        <p>{t('verdict.counts', { fail, warn, affected, unknown, notApplicable })}</p>
        <p className="verdict-machine">
          {m.hostname}
          {m.assetTag ? ` · ${m.assetTag}` : ''} · {snapshot.osName} ·{' '}
          {t('verdict.machineId', { id: m.fingerprint })} ·{' '}
          {(snapshot.durationMs / 1000).toFixed(1)} s
        </p>
      </div>
    </div>
  );
}

function ProgressList({ state }: Readonly<{ state: SweepState }>) {
  const { t, i18n } = useTranslation('diagnose');
  return (
    <div className="sweep-progress" data-testid="sweep-progress">
      <progress max={100} value={state.percent} aria-label={t('progress.label')} />
      <span aria-live="polite">{t('progress.percent', { percent: state.percent })}</span>
      <ul className="probe-rows">
        {state.probes.map((p) => (
          <li key={p.id} data-testid="probe-row" data-state={p.state}>
            {p.state === 'running' ? (
              <span className="spinner" aria-hidden="true" />
            ) : (
              <Icon name="ok" size={14} />
            )}
            <span>{pick(p.title, i18n.language)}</span>
            <span className="probe-state">
              {p.state === 'running' ? t('progress.running') : t('progress.done')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The machine tab: one big button, live progress with cancel, then the verdict and the checks. */
export function MachinePanel() {
  const { t, i18n } = useTranslation('diagnose');
  const { state, run, cancel } = useSweep(i18n.language);
  const [assetTag, setAssetTag] = useState('');
  const tagId = useId();
  const running = state.phase === 'running';
  // Returning to the place (after following a fix) shows the last result again.
  useEffect(() => {
    if (state.phase === 'done' && state.snapshot) rememberSnapshot(state.snapshot);
  }, [state.phase, state.snapshot]);
  const shown =
    state.phase === 'done' ? state.snapshot : state.phase === 'idle' ? lastSnapshot() : undefined;

  useEffect(() => {
    if (!running) return undefined;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [running, cancel]);

  return (
    <div className="machine-panel">
      <div className="diagnose-actions">
        {running ? (
          <button
            type="button"
            className="big-button secondary"
            onClick={cancel}
            data-testid="diagnose-cancel"
          >
            {t('cancel')}
          </button>
        ) : (
          <button
            type="button"
            className="big-button"
            onClick={() => run(assetTag)}
            data-testid="diagnose-run"
          >
            <Icon name="diagnose" size={24} />
            {state.phase === 'idle' ? t('run') : t('runAgain')}
          </button>
        )}
        <label htmlFor={tagId} className="asset-tag">
          {t('assetTag')}
          <input
            id={tagId}
            value={assetTag}
            onChange={(e) => setAssetTag(e.target.value)}
            maxLength={100}
            placeholder={t('assetTagHint')}
            disabled={running}
            data-testid="asset-tag"
          />
        </label>
      </div>
      {state.phase === 'idle' && !shown ? <p className="diagnose-intro">{t('intro')}</p> : null}
      {running ? <ProgressList state={state} /> : null}
      {state.phase === 'cancelled' ? (
        <p role="status" data-testid="diagnose-cancelled">
          {t('cancelled')}
        </p>
      ) : null}
      {state.phase === 'failed' ? (
        <p role="alert" className="diagnose-error">
          {t('failed', { reason: state.error ?? '' })}
        </p>
      ) : null}
      {shown ? (
        <>
          <Verdict snapshot={shown} />
          <SnapshotToVisit snapshot={shown} autosave={state.phase === 'done'} />
          <CheckList checks={shown.checks} />
        </>
      ) : null}
    </div>
  );
}
