import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type {
  ActionItem,
  Aggregate,
  AggregateRow,
  GroupBy,
} from '../../../main/service/inbox/contract';
import { failureText, useApi } from '../../api/index';
import { useLoad } from '../../hooks/use-call';
import { downloadBase64 } from '../visit/download';
import { langOf, pick } from '../../i18n/pick';

const GROUPS: readonly GroupBy[] = ['province', 'commune', 'intern', 'month', 'quarter', 'year'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Horizontal bars of visits and findings per group: an SVG with a text alternative (the table). */
function Chart({ rows }: Readonly<{ rows: readonly AggregateRow[] }>) {
  const { t } = useTranslation('reports');
  const max = Math.max(1, ...rows.map((r) => Math.max(r.visits, r.findings)));
  const shown = rows.slice(0, 20);
  return (
    <svg
      className="rp-chart"
      role="img"
      aria-label={t('aggregate.chartLabel')}
      viewBox={`0 0 600 ${shown.length * 34 + 10}`}
      data-testid="chart"
    >
      {shown.map((r, i) => (
        <g key={r.key} transform={`translate(0 ${i * 34 + 5})`}>
          <text x="0" y="12" fontSize="12">
            {r.key.slice(0, 28)}
          </text>
          <rect
            x="200"
            y="2"
            height="12"
            width={(300 * r.visits) / max}
            className="rp-bar-visits"
          />
          <text x={205 + (300 * r.visits) / max} y="12" fontSize="11">
            {r.visits} {t('aggregate.visits')}
          </text>
          <rect
            x="200"
            y="16"
            height="12"
            width={(300 * r.findings) / max}
            className="rp-bar-findings"
          />
          <text x={205 + (300 * r.findings) / max} y="26" fontSize="11">
            {r.findings} {t('aggregate.findings')}
          </text>
        </g>
      ))}
    </svg>
  );
}

function Actions({
  title,
  items,
  testId,
}: Readonly<{ title: string; items: readonly ActionItem[]; testId: string }>) {
  const { t } = useTranslation('reports');
  return (
    <details className="rp-card" data-testid={testId}>
      <summary>
        {title} ({items.length})
      </summary>
      <ul className="rp-list">
        {items.slice(0, 200).map((i, n) => (
          <li key={n}>
            {i.commune}, {i.province} · {i.machine} · {i.detail}
            {i.days !== undefined
              ? ` · ${i.days < 0 ? t('aggregate.expired') : t('aggregate.daysLeft', { count: i.days })}`
              : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Totals per province, commune, intern or period, with a chart, action lists and XLSX export. */
export function AggregatePanel({ version }: Readonly<{ version: number }>) {
  const { t, i18n } = useTranslation('reports');
  const api = useApi();
  const [groupBy, setGroupBy] = useState<GroupBy>('province');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filter = { groupBy, ...(from ? { from } : {}), ...(to ? { to } : {}) };
  // An export failure stays shown until the next load starts; a load failure while it is the latest.
  const [exportError, setError] = useState<string>();
  const loaded = useLoad<Aggregate>(() => {
    setError(undefined);
    return api.inbox.aggregate(filter);
  }, [api, JSON.stringify(filter), version]);
  const agg = loaded.state.value;
  const error =
    exportError ??
    (loaded.state.error === undefined ? undefined : pick(loaded.state.error, i18n.language));
  const exportXlsx = async () => {
    const r = await api.inbox['export-aggregate']({
      ...filter,
      inline: true,
      lang: langOf(i18n.language),
    });
    if (r.ok && r.value.contentBase64 !== undefined)
      downloadBase64(r.value.contentBase64, `tong-hop-${groupBy}.xlsx`, XLSX);
    else if (!r.ok) setError(failureText(r, i18n.language));
  };
  const total = agg?.total;
  return (
    <section className="rp-card" aria-labelledby="agg-title">
      <h2 id="agg-title">{t('aggregate.title')}</h2>
      <div className="rp-row">
        <label>
          {t('aggregate.groupBy')}
          <select
            value={groupBy}
            onChange={(e) => setGroupBy(e.target.value as GroupBy)}
            data-testid="group-by"
          >
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`groups.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('aggregate.from')}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('aggregate.to')}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="button" onClick={() => void exportXlsx()} data-testid="export-aggregate">
          {t('aggregate.export')}
        </button>
      </div>
      {error !== undefined && (
        <p role="alert" className="rp-error">
          ✖ {error}
        </p>
      )}
      {total !== undefined && (
        <p className="rp-verdict" data-testid="agg-total">
          {t('aggregate.total', {
            visits: total.visits,
            machines: total.machines,
            findings: total.findings,
            fixes: total.fixes,
            open: total.openItems,
            people: total.peopleOfficial + total.peopleCitizen,
          })}
          {total.untrusted > 0 && (
            <span className="status status-warn">
              {' '}
              ⚠ {t('aggregate.untrusted', { count: total.untrusted })}
            </span>
          )}
        </p>
      )}
      {agg !== undefined && agg.rows.length > 0 && <Chart rows={agg.rows} />}
      {agg !== undefined && (
        <table className="rp-table" data-testid="agg-table">
          <thead>
            <tr>
              {[
                'group',
                'visits',
                'machines',
                'findings',
                'fixes',
                'open',
                'people',
                'certs30',
                'certs60',
                'certs90',
                'outOfSupport',
                'printersLow',
              ].map((c) => (
                <th key={c} scope="col">
                  {t(`cols.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {agg.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">
                  {r.key}
                  {r.untrusted > 0 ? ' ⚠' : ''}
                </th>
                <td>{r.visits}</td>
                <td>{r.machines}</td>
                <td>{r.findings}</td>
                <td>{r.fixes}</td>
                <td>{r.openItems}</td>
                <td>{r.peopleOfficial + r.peopleCitizen}</td>
                <td>{r.certs30 + r.certsExpired}</td>
                <td>{r.certs60}</td>
                <td>{r.certs90}</td>
                <td>{r.outOfSupport}</td>
                <td>{r.printersLow}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {agg !== undefined && (
        <>
          <Actions title={t('aggregate.certs')} items={agg.certificates} testId="certs" />
          <Actions
            title={t('aggregate.outOfSupport')}
            items={agg.outOfSupport}
            testId="out-of-support"
          />
          <Actions
            title={t('aggregate.printersLow')}
            items={agg.printersLow}
            testId="printers-low"
          />
        </>
      )}
    </section>
  );
}
