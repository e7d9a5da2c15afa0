/**
 * The Printers tab: each installed printer with its state, supplies, jobs and faults explained;
 * a test page followed to completion; clearing a queue and restarting the spooler only after an
 * explicit confirmation, with the account of what was done; a network printer asked directly.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type {
  PrinterInfo,
  RepairReport,
  TestPageResult,
} from '../../../../diagnostics/printers/types';
import { useApi } from '../../../api/index';
import { Icon } from '../../../components/icon';
import { StatusBadge, type Status } from '../../../components/status-badge';
import { pick } from '../../../i18n/pick';
import { useCall } from '../../../hooks/use-call';

function statusOf(p: PrinterInfo): Status {
  if (p.faults.some((f) => f.severity === 'fail')) return 'fail';
  return p.faults.length > 0 ? 'warn' : p.state === 'unknown' ? 'unknown' : 'ok';
}

function Report({ report }: Readonly<{ report: RepairReport }>) {
  const { t, i18n } = useTranslation('network');
  return (
    <div role="status" className="repair-report" data-testid="repair-report">
      <strong>{t('printers.done')}</strong>
      <ul>
        {report.actions.map((a, i) => (
          <li key={i}>
            <StatusBadge status={a.ok ? 'ok' : 'fail'} /> {pick(a.what, i18n.language)}
            {a.detail ? ` — ${a.detail}` : ''}
          </li>
        ))}
      </ul>
      {report.jobsBefore !== undefined ? (
        <p>
          {t('printers.jobsCount', { before: report.jobsBefore, after: report.jobsAfter ?? '?' })}
        </p>
      ) : null}
    </div>
  );
}

function Confirmed({
  label,
  question,
  onConfirm,
  testId,
}: Readonly<{ label: string; question: string; onConfirm: () => void; testId: string }>) {
  const { t } = useTranslation('network');
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </button>
    );
  return (
    <span className="confirm" role="group" aria-label={label}>
      <span>{question}</span>
      <button
        type="button"
        className="danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        data-testid={`${testId}-confirm`}
      >
        {t('printers.confirm')}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
    </span>
  );
}

function PrinterCard({ printer }: Readonly<{ printer: PrinterInfo }>) {
  const { t, i18n } = useTranslation('network');
  const api = useApi();
  const lang = i18n.language;
  const test = useCall<TestPageResult>();
  const clear = useCall<RepairReport>();
  const flags = [
    printer.isDefault ? t('printers.default') : '',
    printer.shared ? t('printers.shared') : '',
  ].filter((f) => f !== '');
  return (
    <li
      className="printer-card"
      data-testid="printer-card"
      data-name={printer.name}
      data-status={statusOf(printer)}
    >
      <h3>
        <StatusBadge status={statusOf(printer)} /> {printer.name}
        {flags.length ? ` (${flags.join(', ')})` : ''}
      </h3>
      <p>
        {t('printers.state', { state: t(`printers.states.${printer.state}`) })}
        {printer.makeModel ? ` · ${printer.makeModel}` : ''}
      </p>
      <p className="muted">
        {t('printers.port', { port: printer.port ?? '–' })}
        {printer.driver ? ` · ${t('printers.driver', { driver: printer.driver })}` : ''}
      </p>
      {printer.supplies && printer.supplies.length > 0 ? (
        <ul className="supplies" aria-label={t('printers.supplies')}>
          {printer.supplies.map((s) => (
            <li key={s.name}>
              {s.levelPercent < 0 ? (
                t('printers.supplyUnknown', { name: s.name })
              ) : (
                <>
                  {t('printers.supplyLevel', { name: s.name, level: s.levelPercent })}{' '}
                  <meter min={0} max={100} low={11} value={s.levelPercent} aria-label={s.name} />
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {(printer.wasteContainers ?? []).map((w) => (
        <p key={w.name} className="muted" data-testid="printer-waste">
          {w.levelPercent < 0
            ? t('printers.supplyUnknown', { name: w.name })
            : t('printers.wasteRoom', { name: w.name, level: w.levelPercent })}
        </p>
      ))}
      {printer.jobs.length > 0 ? <p>{t('printers.jobs', { count: printer.jobs.length })}</p> : null}
      {printer.faults.length > 0 ? (
        <ul className="faults">
          {printer.faults.map((f) => (
            <li key={f.code} data-testid="printer-fault" data-code={f.code}>
              <StatusBadge status={f.severity} /> {pick(f.text, lang)}{' '}
              <span className="fix">{t('printers.fix', { fix: pick(f.fix, lang) })}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="printer-actions">
        <button
          type="button"
          disabled={test.state.phase === 'running'}
          onClick={() =>
            void test.run((signal, onProgress) =>
              api.printers['test-page']({ name: printer.name }, { signal, onProgress }),
            )
          }
          data-testid="printer-test-page"
        >
          {test.state.phase === 'running' ? t('printers.testing') : t('printers.testPage')}
        </button>
        <Confirmed
          label={t('printers.clearQueue')}
          question={t('printers.confirmClear', { count: printer.jobs.length, name: printer.name })}
          testId="printer-clear"
          onConfirm={() =>
            void clear.run((signal) =>
              api.printers['clear-queue']({ name: printer.name, confirm: true }, { signal }),
            )
          }
        />
      </div>
      {test.state.value ? (
        <p role="status" data-testid="test-page-result" data-outcome={test.state.value.outcome}>
          <StatusBadge status={test.state.value.outcome === 'completed' ? 'ok' : 'fail'} />{' '}
          {pick(test.state.value.detail, lang)}
        </p>
      ) : null}
      {test.state.phase === 'failed' ? (
        <p role="alert">{t('failed', { reason: pick(test.state.error, i18n.language) })}</p>
      ) : null}
      {clear.state.value ? <Report report={clear.state.value} /> : null}
      {clear.state.phase === 'failed' ? (
        <p role="alert">{t('failed', { reason: pick(clear.state.error, i18n.language) })}</p>
      ) : null}
    </li>
  );
}

function NetworkPrinter() {
  const { t, i18n } = useTranslation('network');
  const api = useApi();
  const id = useId();
  const [target, setTarget] = useState('');
  const { state, run } = useCall<PrinterInfo>();
  const request = (): { uri: string } | { host: string } =>
    /^ipps?:\/\//.test(target.trim()) ? { uri: target.trim() } : { host: target.trim() };
  return (
    <section aria-labelledby={`${id}-t`} className="network-printer">
      <h3 id={`${id}-t`}>{t('printers.network')}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (target.trim()) void run((signal) => api.printers.status(request(), { signal }));
        }}
      >
        <label htmlFor={`${id}-h`}>{t('printers.networkHost')}</label>
        <input
          id={`${id}-h`}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          placeholder="192.168.1.20"
          data-testid="printer-host"
        />
        <button type="submit" disabled={state.phase === 'running'} data-testid="printer-ask">
          {t('printers.ask')}
        </button>
      </form>
      {state.phase === 'failed' ? (
        <p role="alert">{t('failed', { reason: pick(state.error, i18n.language) })}</p>
      ) : null}
      {state.value ? (
        <ul className="printer-list">
          <PrinterCard printer={state.value} />
        </ul>
      ) : null}
    </section>
  );
}

/** The Printers tab. */
export function PrintersPanel() {
  const { t, i18n } = useTranslation('network');
  const api = useApi();
  const list = useCall<readonly PrinterInfo[]>();
  const restart = useCall<RepairReport>();
  return (
    <div className="printers-panel" data-testid="printers-panel">
      <div className="diagnose-actions">
        <button
          type="button"
          className="big-button"
          disabled={list.state.phase === 'running'}
          onClick={() => void list.run((signal) => api.printers.list({}, { signal }))}
          data-testid="printers-run"
        >
          <Icon name="diagnose" size={24} />
          {list.state.phase === 'idle' ? t('printers.run') : t('printers.runAgain')}
        </button>
        <Confirmed
          label={t('printers.restartSpooler')}
          question={t('printers.confirmRestart')}
          testId="spooler-restart"
          onConfirm={() =>
            void restart.run((signal) =>
              api.printers['restart-spooler']({ confirm: true }, { signal }),
            )
          }
        />
      </div>
      {list.state.phase === 'idle' ? <p>{t('printers.intro')}</p> : null}
      {list.state.phase === 'running' ? (
        <p role="status">
          <span className="spinner" aria-hidden="true" /> {t('printers.run')}…
        </p>
      ) : null}
      {list.state.phase === 'failed' ? (
        <p role="alert" className="diagnose-error">
          {t('failed', { reason: pick(list.state.error, i18n.language) })}
        </p>
      ) : null}
      {restart.state.value ? <Report report={restart.state.value} /> : null}
      {list.state.value ? (
        list.state.value.length === 0 ? (
          <p role="status">{t('printers.none')}</p>
        ) : (
          <ul className="printer-list">
            {list.state.value.map((p) => (
              <PrinterCard key={p.name} printer={p} />
            ))}
          </ul>
        )
      ) : null}
      <NetworkPrinter />
    </div>
  );
}
