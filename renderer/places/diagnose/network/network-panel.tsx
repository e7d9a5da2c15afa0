/**
 * The Network tab: the reachability ladder (verdict first, then each step with its fix, then
 * each public-service site phase by phase), the adapters, and a latency chart.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type {
  EndpointResult,
  LadderResult,
  LatencyResult,
  NetworkConfig,
} from '../../../../diagnostics/network/types';
import { useApi } from '../../../api/index';
import { Icon } from '../../../components/icon';
import { CLASS_TERMS } from '../../../../main/service/vocabulary';
import { StatusBadge } from '../../../components/status-badge';
import { pick, useLang } from '../../../i18n/pick';
import { LatencyChart } from './latency-chart';
import { useCall } from '../../../hooks/use-call';
import { WifiDetail } from './wifi-detail';

function Phases({ e }: Readonly<{ e: EndpointResult }>) {
  const { t } = useTranslation('network');
  return (
    <span className="phases">
      {t('net.phases', {
        dns: e.dnsMs ?? '–',
        tcp: e.tcpMs ?? '–',
        tls: e.tlsMs ?? '–',
        status: e.httpStatus ?? '–',
        http: e.httpMs ?? '–',
      })}
    </span>
  );
}

/** The lowest failing rung of the ladder, which blocks every later rung and failing site. */
function blockingRung(result: LadderResult): string | undefined {
  const bad = result.rungs.find(
    (r) => r.id !== 'endpoints' && (r.status === 'warn' || r.status === 'fail'),
  );
  return bad?.id;
}

function Sites({
  endpoints,
  blocked,
}: Readonly<{ endpoints: readonly EndpointResult[]; blocked: boolean }>) {
  const { t, i18n } = useTranslation('network');
  const lang = useLang();
  if (endpoints.length === 0) return null;
  const isAffected = (e: EndpointResult): boolean => blocked && e.status !== 'ok';
  const affected = endpoints.filter(isAffected).length;
  const table = (
    <table className="net-table" data-testid="endpoint-table">
      <caption>{t('net.sites')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('net.site')}</th>
          <th scope="col">{t('net.result')}</th>
          <th scope="col">{t('net.time')}</th>
        </tr>
      </thead>
      <tbody>
        {endpoints.map((e) => (
          <tr
            key={e.id}
            data-testid="endpoint-row"
            data-status={e.status}
            data-breaks={e.breaksAt ?? ''}
          >
            <th scope="row">
              {pick(e.name, i18n.language)}
              <br />
              <span className="muted">{e.url}</span>
            </th>
            <td>
              <StatusBadge status={e.status} affected={isAffected(e)} />{' '}
              {pick(e.explanation, i18n.language)}
              {e.tls?.subject ? (
                <div className="muted">
                  {t('net.certificate', {
                    subject: e.tls.subject,
                    issuer: e.tls.issuer ?? '?',
                    to: e.tls.validTo?.slice(0, 10) ?? '?',
                  })}
                </div>
              ) : null}
            </td>
            <td>
              <Phases e={e} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  // One cause, one finding: sites that fail only because a lower step failed fold under it.
  if (affected === 0) return table;
  return (
    <details className="affected" data-testid="sites-affected">
      <summary>
        {t('net.sites')}: {CLASS_TERMS.affected[lang]} ({affected})
      </summary>
      {table}
    </details>
  );
}

function Adapters({ config }: Readonly<{ config: NetworkConfig }>) {
  const { t } = useTranslation('network');
  const list = config.interfaces.filter((i) => i.kind !== 'loopback');
  const none = t('net.none');
  return (
    <section className="net-adapters" aria-labelledby="net-adapters-title">
      <h3 id="net-adapters-title">{t('net.adapters')}</h3>
      <ul>
        {list.map((i) => (
          <li key={i.name}>
            <strong>{i.name}</strong> ({i.kind}) —{' '}
            {i.up ? t('net.adapterUp') : t('net.adapterDown')}
            {i.speedMbps ? ` · ${i.speedMbps} Mb/s` : ''}
            {i.ipv4
              .map((a) => ` · ${a.address}/${a.prefix} ${a.dhcp ? t('net.dhcp') : t('net.static')}`)
              .join('')}
            {i.wifi ? <WifiDetail wifi={i.wifi} /> : null}
          </li>
        ))}
      </ul>
      <p>
        {t('net.gateway', { value: config.defaultGateway ?? none })} ·{' '}
        {t('net.dnsServers', { value: config.dnsServers.join(', ') || none })} ·{' '}
        {t('net.proxy', {
          value: config.proxy.enabled
            ? (config.proxy.server ?? config.proxy.autoConfigUrl ?? '?')
            : t('net.noProxy'),
        })}
      </p>
    </section>
  );
}

function Ladder({ result }: Readonly<{ result: LadderResult }>) {
  const { t, i18n } = useTranslation('network');
  const lang = i18n.language;
  const blocker = blockingRung(result);
  const order: string[] = result.rungs.map((r) => r.id);
  const affectedRung = (id: string): boolean =>
    blocker !== undefined && order.indexOf(id) > order.indexOf(blocker);
  const tone =
    result.breaksAt === undefined
      ? 'ok'
      : result.rungs.find((r) => r.id === result.breaksAt)?.status === 'warn'
        ? 'warn'
        : 'fail';
  return (
    <>
      <div
        className={`verdict verdict-${tone}`}
        role="status"
        data-testid="network-verdict"
        data-breaks={result.breaksAt ?? ''}
      >
        <Icon name={tone} size={28} />
        <div>
          <h2>{pick(result.verdict, lang)}</h2>
        </div>
      </div>
      <ol className="ladder" aria-label={t('net.steps')}>
        {result.rungs.map((r, index) => (
          <li key={r.id} data-testid="ladder-rung" data-rung={r.id} data-status={r.status}>
            <span className="muted">{t('net.step', { n: index + 1 })}</span>{' '}
            <StatusBadge status={r.status} affected={r.status !== 'ok' && affectedRung(r.id)} />{' '}
            <strong>{pick(r.title, lang)}</strong>: {pick(r.detail, lang)}
            {r.fix && r.status !== 'ok' && !affectedRung(r.id) ? (
              <div className="fix">
                → {t('net.fix')}: {pick(r.fix, lang)}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      <Sites endpoints={result.endpoints} blocked={blocker !== undefined} />
      <Adapters config={result.config} />
    </>
  );
}

function Latency({ defaultHost }: Readonly<{ defaultHost: string }>) {
  const { t, i18n } = useTranslation('network');
  const api = useApi();
  const id = useId();
  const [host, setHost] = useState('');
  const { state, run } = useCall<LatencyResult>();
  const target = host.trim() || defaultHost;
  return (
    <section className="latency" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('latency.title')}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (target)
            void run((signal) => api.network.ping({ host: target, count: 10 }, { signal }));
        }}
      >
        <label htmlFor={`${id}-host`}>{t('latency.host')}</label>
        <input
          id={`${id}-host`}
          value={host}
          placeholder={defaultHost}
          onChange={(e) => setHost(e.target.value)}
          data-testid="latency-host"
        />
        <button
          type="submit"
          disabled={state.phase === 'running' || target === ''}
          data-testid="latency-run"
        >
          {state.phase === 'running' ? t('latency.running') : t('latency.run')}
        </button>
      </form>
      {state.phase === 'failed' ? (
        <p role="alert">{t('failed', { reason: pick(state.error, i18n.language) })}</p>
      ) : null}
      {state.value ? <LatencyChart result={state.value} /> : null}
    </section>
  );
}

/** The Network tab. */
export function NetworkPanel() {
  const { t, i18n } = useTranslation('network');
  const api = useApi();
  const { state, run, cancel } = useCall<LadderResult>();
  const running = state.phase === 'running';
  return (
    <div className="network-panel" data-testid="network-panel">
      <div className="diagnose-actions">
        {running ? (
          <button
            type="button"
            className="big-button secondary"
            onClick={cancel}
            data-testid="network-cancel"
          >
            {t('cancel')}
          </button>
        ) : (
          <button
            type="button"
            className="big-button"
            onClick={() =>
              void run((signal, onProgress) => api.network.check({}, { signal, onProgress }))
            }
            data-testid="network-run"
          >
            <Icon name="diagnose" size={24} />
            {state.phase === 'idle' ? t('net.run') : t('net.runAgain')}
          </button>
        )}
      </div>
      {state.phase === 'idle' ? <p>{t('net.intro')}</p> : null}
      {running ? (
        <div className="sweep-progress">
          <progress max={100} value={state.percent} aria-label={t('progress')} />
          <span aria-live="polite">
            {t('percent', { percent: state.percent })} {pick(state.label, i18n.language)}
          </span>
        </div>
      ) : null}
      {state.phase === 'cancelled' ? <p role="status">{t('cancelled')}</p> : null}
      {state.phase === 'failed' ? (
        <p role="alert" className="diagnose-error">
          {t('failed', { reason: pick(state.error, i18n.language) })}
        </p>
      ) : null}
      {state.value && state.phase === 'done' ? <Ladder result={state.value} /> : null}
      <Latency defaultHost={state.value?.config.defaultGateway ?? ''} />
    </div>
  );
}
