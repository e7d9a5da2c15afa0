/**
 * The LAN scan tab: range (default: this PC's network), confirmation above a /22, live progress
 * with cancel, then the devices as a table (type as icon-less word, never colour alone) with
 * JSON/CSV export.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ScanResult } from '../../../../diagnostics/scan/types';
import { useApi } from '../../../api/index';
import { Icon } from '../../../components/icon';
import { pick } from '../../../i18n/pick';
import { SaveToVisit } from './save-to-visit';
import { useCall } from '../../../hooks/use-call';

/** Prefix length of a typed range, or undefined when it is not `a.b.c.d/n`. */
export function prefixOf(text: string): number | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(text.trim());
  if (!match || match.slice(1, 5).some((o) => Number(o) > 255)) return undefined;
  const prefix = match[5] === undefined ? 32 : Number(match[5]);
  return prefix > 32 ? undefined : prefix;
}

/** The scan as CSV (one device a line). */
export function scanCsv(result: ScanResult): string {
  const rows = result.hosts.map((h) => [
    h.ip,
    h.deviceType,
    h.mac ?? '',
    h.vendor ?? '',
    h.hostname ?? '',
    h.openPorts.join(' '),
    h.evidence.join(' '),
  ]);
  return [['ip', 'type', 'mac', 'vendor', 'hostname', 'open_ports', 'evidence'], ...rows]
    .map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))
    .join('\r\n');
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Results({ result }: Readonly<{ result: ScanResult }>) {
  const { t, i18n } = useTranslation('network');
  const stamp = result.startedAt.slice(0, 16).replace(/[:T]/g, '-');
  return (
    <>
      <p role="status" data-testid="scan-summary">
        {result.cancelled
          ? t('scan.foundPartial', { hosts: result.hosts.length })
          : t('scan.found', {
              ranges: result.ranges.join(', '),
              count: result.addressesScanned,
              seconds: (result.durationMs / 1000).toFixed(1),
              hosts: result.hosts.length,
            })}
      </p>
      <table className="net-table" data-testid="scan-table">
        <thead>
          <tr>
            {['ip', 'type', 'mac', 'vendor', 'name', 'ports'].map((k) => (
              <th key={k} scope="col">
                {t(`scan.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.hosts.map((h) => (
            <tr key={h.ip} data-testid="scan-row" data-ip={h.ip} data-type={h.deviceType}>
              <th scope="row">
                {h.ip}
                {h.self ? ` (${t('scan.self')})` : ''}
                {h.gateway ? ` (${t('scan.gateway')})` : ''}
              </th>
              <td>{t(`scan.types.${h.deviceType}`)}</td>
              <td>{h.mac ?? '–'}</td>
              <td>{h.vendor ?? '–'}</td>
              <td>
                {h.hostname ?? '–'}
                {h.netbios?.workgroup ? ` (${h.netbios.workgroup})` : ''}
              </td>
              <td>{h.openPorts.length ? h.openPorts.join(', ') : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="scan-export">
        <button
          type="button"
          onClick={() =>
            download(`xaso-scan-${stamp}.json`, 'application/json', JSON.stringify(result, null, 2))
          }
          data-testid="scan-export-json"
        >
          {t('scan.exportJson')}
        </button>
        <button
          type="button"
          onClick={() => download(`xaso-scan-${stamp}.csv`, 'text/csv', scanCsv(result))}
          data-testid="scan-export-csv"
        >
          {t('scan.exportCsv')}
        </button>
      </div>
      {result.notes.map((n, i) => (
        <p key={i} className="muted">
          {pick(n, i18n.language)}
        </p>
      ))}
      <SaveToVisit scan={result} />
    </>
  );
}

/** The LAN scan tab. */
export function ScanPanel() {
  const { t, i18n } = useTranslation('network');
  const api = useApi();
  const id = useId();
  const [range, setRange] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const { state, run, cancel } = useCall<ScanResult>();
  const prefix = range.trim() === '' ? 24 : prefixOf(range);
  const large = prefix !== undefined && prefix < 22;
  const running = state.phase === 'running';
  const start = (): void => {
    if (prefix === undefined || (large && !confirmed)) return;
    const request = {
      ...(range.trim() === '' ? {} : { cidr: range.trim() }),
      ...(large ? { confirmLarge: true } : {}),
    };
    void run((signal, onProgress) => api.scan.run(request, { signal, onProgress }));
  };
  return (
    <div className="scan-panel" data-testid="scan-panel">
      <p>{t('scan.intro')}</p>
      <form
        className="scan-form"
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <label htmlFor={`${id}-range`}>{t('scan.range')}</label>
        <input
          id={`${id}-range`}
          value={range}
          onChange={(e) => {
            setRange(e.target.value);
            setConfirmed(false);
          }}
          placeholder={t('scan.rangeHint')}
          aria-invalid={prefix === undefined}
          aria-describedby={`${id}-help`}
          disabled={running}
          data-testid="scan-range"
        />
        <span id={`${id}-help`} className="muted">
          {prefix === undefined
            ? t('scan.badRange')
            : large
              ? t('scan.tooLarge', { count: 2 ** (32 - prefix) })
              : ''}
        </span>
        {large ? (
          <label className="confirm-large">
            <input
              type="checkbox"
              checked={confirmed}
              onChange={(e) => setConfirmed(e.target.checked)}
              data-testid="scan-confirm-large"
            />{' '}
            {t('scan.confirmLarge')}
          </label>
        ) : null}
        {running ? (
          <button
            type="button"
            className="big-button secondary"
            onClick={cancel}
            data-testid="scan-cancel"
          >
            {t('cancel')}
          </button>
        ) : (
          <button
            type="submit"
            className="big-button"
            disabled={prefix === undefined || (large && !confirmed)}
            data-testid="scan-run"
          >
            <Icon name="diagnose" size={24} />
            {t('scan.run')}
          </button>
        )}
      </form>
      {running ? (
        <div className="sweep-progress" data-testid="scan-progress">
          <progress max={100} value={state.percent} aria-label={t('progress')} />
          <span aria-live="polite">
            {t('percent', { percent: state.percent })} {pick(state.label, i18n.language)}
          </span>
        </div>
      ) : null}
      {state.phase === 'cancelled' && !state.value ? <p role="status">{t('cancelled')}</p> : null}
      {state.phase === 'failed' ? (
        <p role="alert" className="diagnose-error">
          {t('failed', { reason: pick(state.error, i18n.language) })}
        </p>
      ) : null}
      {state.value ? <Results result={state.value} /> : null}
    </div>
  );
}
