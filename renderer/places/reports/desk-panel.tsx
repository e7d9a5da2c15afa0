import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

import type { Desk, Figure, InboxListItem, Indicators } from '../../../main/service/inbox/contract';
import type { HelpedCategory } from '../../../main/service/visits/schema';
import { failureText, useApi } from '../../api/index';
import { useLoad } from '../../hooks/use-call';
import { langOf, pick } from '../../i18n/pick';
import { downloadBase64 } from '../visit/download';
import { formatCount } from '../../../main/service/vocabulary';
import { formatDay } from './format';

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;
const BLUE = '#1f5fa8';
/** The indicators in the order shown (their names: catalogue `terms.indicator`, from `inbox/terms.ts`). */
const INDICATORS = [
  'visits',
  'communesVisited',
  'peopleHelped',
  'daysOnSite',
  'hoursOnSite',
  'machines',
  'problems',
  'openItems',
  'fixes',
  'pcsFixed',
  'printersFixed',
  'certificatesExpiring90',
  'certificatesExpired',
  'outOfSupport',
  'printersLow',
  'untrusted',
] as const satisfies readonly Exclude<keyof Indicators, 'peopleByCategory'>[];
const ORANGE = '#b45309';
const PURPLE = '#7c3aed';

/** A drill-down: the visits behind a figure, or the `ref` that `inbox:drill` turns into them. */
type Drill = Readonly<{ title: string; visits: readonly string[]; ref?: string | undefined }>;

/** The drill-down of a figure (`ref` when the desk came without its ids). */
const drillOf = (title: string, f: Figure): Drill => ({ title, visits: f.visits, ref: f.ref });

/** What the desk was asked with: a drill-down asks `inbox:drill` the same. */
type DeskQuery = Readonly<Record<string, string | boolean | number>>;

/** A chart with its caption and, for screen readers and precise reading, the same data as a table. */
function ChartCard({
  id,
  title,
  children,
  table,
  empty,
}: Readonly<{ id: string; title: string; children: ReactNode; table: ReactNode; empty: boolean }>) {
  const { t } = useTranslation('reports');
  return (
    <figure
      className="rp-card rp-chart-card"
      aria-labelledby={`${id}-title`}
      data-testid={`chart-${id}`}
    >
      <figcaption id={`${id}-title`} className="rp-chart-title">
        {title}
      </figcaption>
      {empty ? (
        <p className="rp-muted">{t('desk.none')}</p>
      ) : (
        <div className="rp-chart-box" role="img" aria-label={t('desk.chartOf', { title })}>
          {children}
        </div>
      )}
      <details>
        <summary>{t('desk.table')}</summary>
        {table}
      </details>
    </figure>
  );
}

/** A row of a counted chart: its label (in the table; `chartLabel` under the bar) and figure. */
type CountRow = Readonly<{ label: string; chartLabel?: string; figure: Figure }>;

/**
 * A bar chart of counts with its table (causes, open items by age, certificates by month); a bar
 * or a figure of the table drills down. `horizontal`: long labels, the first 10 rows drawn.
 */
function CountChart({
  id,
  title,
  head,
  empty,
  rows,
  fill,
  onDrill,
  horizontal = false,
}: Readonly<{
  id: string;
  title: string;
  head: string;
  empty: boolean;
  rows: readonly CountRow[];
  fill: string;
  onDrill: (d: Drill) => void;
  horizontal?: boolean;
}>) {
  const { t } = useTranslation('reports');
  const drawn = horizontal ? rows.slice(0, 10) : rows;
  const data = drawn.map((r) => ({ label: r.chartLabel ?? r.label, count: r.figure.value }));
  return (
    <ChartCard
      id={id}
      title={title}
      empty={empty}
      table={
        <FigureTable
          head={[head, t('desk.count')]}
          rows={rows.map((r) => ({ label: r.label, figures: [r.figure] }))}
          onDrill={onDrill}
        />
      }
    >
      <ResponsiveContainer
        width="100%"
        height={horizontal ? Math.max(160, data.length * 34 + 30) : 220}
      >
        <BarChart
          data={data}
          layout={horizontal ? 'vertical' : 'horizontal'}
          margin={
            horizontal
              ? { top: 4, right: 16, bottom: 4, left: 8 }
              : { top: 8, right: 8, bottom: 8, left: 0 }
          }
        >
          <CartesianGrid strokeDasharray="3 3" />
          {horizontal ? (
            <XAxis type="number" allowDecimals={false} fontSize={12} />
          ) : (
            <XAxis dataKey="label" fontSize={12} />
          )}
          {horizontal ? (
            <YAxis type="category" dataKey="label" width={230} tick={<WrapTick />} interval={0} />
          ) : (
            <YAxis allowDecimals={false} fontSize={12} />
          )}
          <Tooltip />
          <Bar
            isAnimationActive={false}
            dataKey="count"
            name={t('desk.count')}
            fill={fill}
            onClick={(_: unknown, index: number) => {
              const row = drawn[index];
              if (row !== undefined) onDrill(drillOf(data[index]?.label ?? '', row.figure));
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** A count as the reader's language writes it (1.584 in Vietnamese, 1,584 in English). */
function useCount(): (n: number) => string {
  const { i18n } = useTranslation('reports');
  const lang = langOf(i18n.language);
  return (n) => formatCount(n, lang);
}

/** Visits shown at once in a drill-down list ("Xem thêm" shows the next ones). */
const DRILL_PAGE = 100;

/**
 * The visits behind a figure, a page at a time: their labels (commune, day, interns) are asked
 * for only for the ones shown, so the desk never loads the whole inbox's list.
 */
function DrillList({
  drill,
  query,
  onOpen,
  onClose,
}: Readonly<{
  drill: Drill;
  query: DeskQuery;
  onOpen: (visitId: string) => void;
  onClose: () => void;
}>) {
  const { t, i18n } = useTranslation('reports');
  const lang = langOf(i18n.language);
  const count = useCount();
  const api = useApi();
  // The ids behind the figure, asked for when the desk came without them.
  const asked = drill.ref !== undefined && drill.visits.length === 0;
  const drilled = useLoad<{ visits: readonly string[] }>(
    asked ? () => api.inbox.drill({ ...query, ref: drill.ref ?? '' }) : undefined,
    [api, drill],
  );
  const ids = asked ? drilled.state.value?.visits : drill.visits;
  const [shown, setShown] = useState(DRILL_PAGE);
  const [labels, setLabels] = useState<ReadonlyMap<string, InboxListItem>>(new Map());
  const [failed, setFailed] = useState<string>();
  useEffect(() => {
    const missing = (ids ?? []).slice(shown - DRILL_PAGE, shown);
    if (missing.length === 0) return;
    let live = true;
    void api.inbox.list({ ids: missing, limit: missing.length }).then((r) => {
      if (!live) return;
      if (!r.ok) return setFailed(failureText(r, i18n.language));
      setLabels((old) => {
        const next = new Map(old);
        for (const item of r.value.items) next.set(item.visitId, item);
        return next;
      });
    });
    return () => {
      live = false;
    };
  }, [api, ids, shown, i18n.language]);
  const header = (
    <div className="rp-row rp-between">
      <h3 id="drill-title">
        {ids === undefined
          ? drill.title
          : t('desk.drill', { title: drill.title, count: count(ids.length) })}
      </h3>
      <button type="button" onClick={onClose}>
        {t('desk.closeDrill')}
      </button>
    </div>
  );
  if (ids === undefined)
    return (
      <>
        {header}
        {drilled.state.phase === 'failed' ? (
          <p role="alert">✖ {pick(drilled.state.error, lang)}</p>
        ) : (
          <p className="rp-muted">{t('desk.loading')}</p>
        )}
      </>
    );
  const left = ids.length - shown;
  return (
    <>
      {header}
      {failed !== undefined && <p role="alert">✖ {failed}</p>}
      <ul className="rp-list">
        {ids.slice(0, shown).map((id) => {
          const e = labels.get(id);
          return (
            <li key={id}>
              {e === undefined ? (
                <span className="rp-muted">{t('desk.loading')}</span>
              ) : (
                <button type="button" className="rp-link" onClick={() => onOpen(id)}>
                  {`${e.facts.commune} · ${formatDay(e.facts.date, lang)} · ${e.facts.interns.join(', ')}`}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {left > 0 && (
        <p className="rp-row">
          <span className="rp-muted">
            {t('desk.shownOf', { shown: count(shown), total: count(ids.length) })}
          </span>
          <button type="button" onClick={() => setShown((n) => n + DRILL_PAGE)}>
            {t('desk.more', { count: Math.min(DRILL_PAGE, left) })}
          </button>
        </p>
      )}
    </>
  );
}

/** A table of label → figure rows, each figure a button that drills down. */
function FigureTable({
  head,
  rows,
  onDrill,
}: Readonly<{
  head: readonly string[];
  rows: readonly Readonly<{ label: string; figures: readonly Figure[] }>[];
  onDrill: (d: Drill) => void;
}>) {
  const count = useCount();
  return (
    <table className="rp-table">
      <thead>
        <tr>
          {head.map((h) => (
            <th scope="col" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            {r.figures.map((f, i) => (
              <td key={i}>
                <button
                  type="button"
                  className="rp-link"
                  onClick={() => onDrill(drillOf(`${r.label} · ${head[i + 1] ?? ''}`, f))}
                >
                  {count(f.value)}
                </button>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Breaks a long axis label over two lines instead of cutting it. */
function WrapTick(props: Readonly<{ x?: number; y?: number; payload?: { value: string } }>) {
  const text = props.payload?.value ?? '';
  const words = text.split(' ');
  const lines: string[] = [''];
  for (const w of words) {
    const last = lines[lines.length - 1]!;
    if ((last + w).length > 30 && last !== '' && lines.length < 2) lines.push(w);
    else lines[lines.length - 1] = last === '' ? w : `${last} ${w}`;
  }
  if (lines[1] !== undefined && lines[1].length > 32) lines[1] = `${lines[1].slice(0, 31)}…`;
  return (
    <text
      x={props.x ?? 0}
      y={(props.y ?? 0) - (lines.length - 1) * 6}
      textAnchor="end"
      fontSize={12}
      fill="#1b1b1b"
    >
      <title>{text}</title>
      {lines.map((l, i) => (
        <tspan key={i} x={(props.x ?? 0) - 4} dy={i === 0 ? 4 : 13}>
          {l}
        </tspan>
      ))}
    </text>
  );
}

/** The supervisor's desk: filters, indicators, charts, lists; every figure drills down. */
/** `2026-W48` as a reader says it: "T48" / "Tuần 48/2026" (vi), "W48" / "Week 48, 2026" (en). */
function weekLabel(week: string, lang: 'vi' | 'en', short: boolean): string {
  const [year, n] = week.split('-W');
  if (n === undefined) return week;
  if (lang === 'vi') return short ? `T${n}` : `Tuần ${n}/${year ?? ''}`;
  return short ? `W${n}` : `Week ${n}, ${year ?? ''}`;
}

export function DeskPanel({
  version,
  onOpen,
}: Readonly<{ version: number; onOpen: (visitId: string) => void }>) {
  const { t, i18n } = useTranslation('reports');
  const lang = langOf(i18n.language);
  const count = useCount();
  const api = useApi();
  const [commune, setCommune] = useState('');
  const [intern, setIntern] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [staleDays, setStaleDays] = useState(14);
  const [trustedOnly, setTrustedOnly] = useState(false);
  const [drill, setDrill] = useState<Drill>();
  const [status, setStatus] = useState<string>();
  const filter = {
    ...(commune ? { commune } : {}),
    ...(intern ? { intern } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    trustedOnly,
  };
  const key = JSON.stringify(filter);
  const { state } = useLoad<Desk>(
    // Without the ids behind each figure (2 MB for 10,000 visits): a drill-down asks for them.
    () => api.inbox.desk({ ...filter, staleDays, ids: false }),
    [api, version, key, staleDays],
  );
  const desk = state.value;
  const d = (iso: string | undefined): string => formatDay(iso, lang);
  const areaWord = (area: string): string =>
    i18n.exists(`reports:terms.area.${area}`) ? t(`terms.area.${area}`) : area;
  const exportDesk = async (format: 'xlsx' | 'pdf') => {
    const r = await api.inbox['export-desk']({ ...filter, format, inline: true, lang });
    if (r.ok && r.value.contentBase64 !== undefined) {
      const name = `ban-lam-viec.${format}`;
      downloadBase64(r.value.contentBase64, name, MIME[format]);
      setStatus(`✔ ${t('desk.exported', { name })}`);
    } else if (!r.ok) setStatus(`✖ ${failureText(r, i18n.language)}`);
  };
  const show = (title: string, f: Figure) => setDrill(drillOf(title, f));

  const ind = desk?.indicators;
  const weeks = (desk?.weeks ?? []).map((w) => ({
    week: w.week,
    visits: w.visits.value,
    people: w.people.value,
  }));
  const click =
    (list: readonly Figure[], labels: readonly string[]) => (_: unknown, index: number) => {
      const f = list[index];
      if (f !== undefined) setDrill(drillOf(labels[index] ?? '', f));
    };

  return (
    <section className="rp-desk" aria-labelledby="desk-title" data-testid="desk">
      <h2 id="desk-title">{t('desk.title')}</h2>
      <fieldset className="rp-card rp-row">
        <legend>{t('desk.filters')}</legend>
        <label>
          {t('desk.commune')}
          <select
            value={commune}
            onChange={(e) => setCommune(e.target.value)}
            data-testid="filter-commune"
          >
            <option value="">{t('desk.all')}</option>
            {(desk?.choices.communes ?? []).map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label>
          {t('desk.intern')}
          <select
            value={intern}
            onChange={(e) => setIntern(e.target.value)}
            data-testid="filter-intern"
          >
            <option value="">{t('desk.all')}</option>
            {(desk?.choices.interns ?? []).map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label>
          {t('desk.from')}
          <input
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            data-testid="filter-from"
          />
        </label>
        <label>
          {t('desk.to')}
          <input
            type="date"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            data-testid="filter-to"
          />
        </label>
        <label>
          {t('desk.staleDays')}
          <input
            type="number"
            min={1}
            max={365}
            value={staleDays}
            onChange={(e) => setStaleDays(Math.min(365, Math.max(1, Number(e.target.value) || 14)))}
          />
        </label>
        <label className="rp-check">
          <input
            type="checkbox"
            checked={trustedOnly}
            onChange={(e) => setTrustedOnly(e.target.checked)}
          />
          {t('desk.trustedOnly')}
        </label>
        <button
          type="button"
          onClick={() => void exportDesk('xlsx')}
          data-testid="export-desk-xlsx"
        >
          {t('desk.exportXlsx')}
        </button>
        <button type="button" onClick={() => void exportDesk('pdf')} data-testid="export-desk-pdf">
          {t('desk.exportPdf')}
        </button>
      </fieldset>
      <p role="status" aria-live="polite" className="rp-desk-status">
        {state.phase === 'running' && desk === undefined ? t('desk.loading') : status}
      </p>
      {state.error !== undefined && (
        <p role="alert" className="rp-error">
          ✖ {pick(state.error, i18n.language)}
        </p>
      )}
      {desk !== undefined && ind !== undefined && (
        <>
          {ind.visits.value === 0 && <p className="rp-muted">{t('desk.empty')}</p>}
          <section className="rp-card" aria-labelledby="ind-title">
            <h3 id="ind-title">{t('desk.indicators')}</h3>
            <p className="rp-muted">{t('desk.indicatorHint')}</p>
            <ul className="rp-tiles" data-testid="indicators">
              {INDICATORS.map((k) => (
                <li key={k}>
                  <button
                    type="button"
                    className={`rp-tile${k === 'untrusted' && ind[k].value > 0 ? ' rp-tile-warn' : ''}`}
                    onClick={() => show(t(`terms.indicator.${k}`), ind[k])}
                    data-testid={`ind-${k}`}
                  >
                    <span className="rp-tile-value">{count(ind[k].value)}</span>
                    <span className="rp-tile-label">{t(`terms.indicator.${k}`)}</span>
                  </button>
                </li>
              ))}
            </ul>
            <h4>{t('desk.helped')}</h4>
            <ul className="rp-tiles rp-tiles-small">
              {(Object.keys(ind.peopleByCategory) as HelpedCategory[]).map((c) => (
                <li key={c}>
                  <button
                    type="button"
                    className="rp-tile"
                    onClick={() => show(t(`terms.helped.${c}`), ind.peopleByCategory[c])}
                  >
                    <span className="rp-tile-value">{count(ind.peopleByCategory[c].value)}</span>
                    <span className="rp-tile-label">{t(`terms.helped.${c}`)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
          {drill !== undefined && (
            <section className="rp-card rp-drill" aria-labelledby="drill-title" data-testid="drill">
              <DrillList
                key={`${drill.title}|${drill.ref ?? ''}`}
                drill={drill}
                query={{ ...filter, staleDays }}
                onOpen={onOpen}
                onClose={() => setDrill(undefined)}
              />
            </section>
          )}
          <div className="rp-charts">
            <ChartCard
              id="weeks"
              title={t('desk.weeks')}
              empty={weeks.length === 0}
              table={
                <FigureTable
                  head={[t('desk.week'), t('desk.visits'), t('desk.people')]}
                  rows={desk.weeks.map((w) => ({
                    label: weekLabel(w.week, lang, false),
                    figures: [w.visits, w.people],
                  }))}
                  onDrill={setDrill}
                />
              }
            >
              <ResponsiveContainer width="100%" height={220}>
                <ComposedChart data={weeks} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis
                    dataKey="week"
                    tickFormatter={(w: string) => weekLabel(w, lang, true)}
                    fontSize={12}
                  />
                  <YAxis yAxisId="v" allowDecimals={false} fontSize={12} />
                  <YAxis yAxisId="p" orientation="right" allowDecimals={false} fontSize={12} />
                  <Tooltip />
                  <Legend />
                  {/* No animations (all charts): drawn at once and final on a slow office PC. */}
                  <Bar
                    isAnimationActive={false}
                    yAxisId="v"
                    dataKey="visits"
                    name={t('desk.visits')}
                    fill={BLUE}
                    onClick={click(
                      desk.weeks.map((w) => w.visits),
                      desk.weeks.map((w) => w.week),
                    )}
                  />
                  <Line
                    isAnimationActive={false}
                    yAxisId="p"
                    dataKey="people"
                    name={t('desk.people')}
                    stroke={ORANGE}
                    strokeWidth={2}
                    dot={false}
                  />
                </ComposedChart>
              </ResponsiveContainer>
            </ChartCard>
            <CountChart
              id="causes"
              title={t('desk.causes')}
              head={t('desk.cause')}
              empty={desk.causes.length === 0}
              horizontal
              rows={desk.causes.map((c) => ({
                label: `${areaWord(c.area)}: ${c.title || t('desk.typed')}`,
                chartLabel: c.title || `${areaWord(c.area)} (${t('desk.typed')})`,
                figure: c.count,
              }))}
              fill={ORANGE}
              onDrill={setDrill}
            />
            <CountChart
              id="ages"
              title={t('desk.ages')}
              head={t('desk.age')}
              empty={ind.openItems.value === 0}
              rows={desk.openByAge.map((a) => ({
                label: t(`desk.bucket.${a.bucket}`),
                figure: a.count,
              }))}
              fill={BLUE}
              onDrill={setDrill}
            />
            <CountChart
              id="certs"
              title={t('desk.certMonths')}
              head={t('desk.month')}
              empty={desk.certificatesByMonth.length === 0}
              rows={desk.certificatesByMonth.map((m) => ({
                label:
                  m.month === 'expired'
                    ? t('desk.expired')
                    : `${m.month.slice(5, 7)}/${m.month.slice(0, 4)}`,
                figure: m.count,
              }))}
              fill={PURPLE}
              onDrill={setDrill}
            />
          </div>
          <div className="rp-two">
            <section
              className="rp-card"
              aria-labelledby="novisit-title"
              data-testid="communes-without-visit"
            >
              <h3 id="novisit-title">
                {t('desk.noVisit', { count: desk.communesWithoutVisit.length })}
              </h3>
              {desk.communesWithoutVisit.length === 0 ? (
                <p className="rp-muted">{t('desk.none')}</p>
              ) : (
                <ul className="rp-list rp-columns">
                  {desk.communesWithoutVisit.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              )}
            </section>
            <section
              className="rp-card"
              aria-labelledby="stale-title"
              data-testid="interns-without-report"
            >
              <h3 id="stale-title">
                {t('desk.stale', { days: desk.staleDays, count: desk.internsWithoutReport.length })}
              </h3>
              {desk.internsWithoutReport.length === 0 ? (
                <p className="rp-muted">{t('desk.none')}</p>
              ) : (
                <ul className="rp-list">
                  {desk.internsWithoutReport.map((i) => (
                    <li key={i.name}>
                      {i.name} ·{' '}
                      {i.daysSinceReport === undefined
                        ? t('desk.never')
                        : t('desk.daysAgo', { count: i.daysSinceReport })}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          <details className="rp-card" data-testid="open-items">
            <summary>{t('desk.openItems', { count: desk.openItems.length })}</summary>
            <table className="rp-table">
              <thead>
                <tr>
                  <th scope="col">{t('desk.col.commune')}</th>
                  <th scope="col">{t('desk.col.item')}</th>
                  <th scope="col">{t('desk.col.since')}</th>
                  <th scope="col">{t('desk.col.days')}</th>
                  <th scope="col">{t('desk.col.due')}</th>
                </tr>
              </thead>
              <tbody>
                {desk.openItems.slice(0, 500).map((o) => (
                  <tr key={`${o.commune}-${o.id}`}>
                    <th scope="row">
                      <button type="button" className="rp-link" onClick={() => onOpen(o.visitId)}>
                        {o.commune}
                      </button>
                    </th>
                    <td>{o.text}</td>
                    <td className="rp-day">{d(o.since)}</td>
                    <td>{count(o.days)}</td>
                    <td className="rp-day">{d(o.due)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <details className="rp-card" open>
            <summary>{t('desk.perCommune')}</summary>
            <table className="rp-table" data-testid="agg-table">
              <thead>
                <tr>
                  <th scope="col">{t('desk.col.commune')}</th>
                  <th scope="col">{t('desk.col.visits')}</th>
                  <th scope="col">{t('desk.col.lastVisit')}</th>
                  <th scope="col">{t('desk.col.machines')}</th>
                  <th scope="col">{t('desk.col.problems')}</th>
                  <th scope="col">{t('desk.col.openItems')}</th>
                  <th scope="col">{t('desk.col.people')}</th>
                  <th scope="col">{t('desk.col.assessment')}</th>
                </tr>
              </thead>
              <tbody>
                {desk.communes.map((c) => (
                  <tr key={`${c.commune}-${c.province}`}>
                    <th scope="row">
                      {c.commune}, {c.province}
                    </th>
                    <td>
                      <button
                        type="button"
                        className="rp-link"
                        onClick={() => show(c.commune, c.visits)}
                      >
                        {count(c.visits.value)}
                      </button>
                    </td>
                    <td className="rp-day">{d(c.lastVisit)}</td>
                    <td>{count(c.machines)}</td>
                    <td>{count(c.problems)}</td>
                    <td>{count(c.openItems)}</td>
                    <td>{count(c.people)}</td>
                    <td>{c.assessments[c.assessments.length - 1]?.text ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <details className="rp-card">
            <summary>{t('desk.perIntern')}</summary>
            <table className="rp-table" data-testid="intern-table">
              <thead>
                <tr>
                  <th scope="col">{t('desk.col.intern')}</th>
                  <th scope="col">{t('desk.col.visits')}</th>
                  <th scope="col">{t('desk.col.people')}</th>
                  <th scope="col">{t('desk.col.hours')}</th>
                  <th scope="col">{t('desk.col.lastReport')}</th>
                </tr>
              </thead>
              <tbody>
                {desk.interns.map((i) => (
                  <tr key={i.name}>
                    <th scope="row">{i.name}</th>
                    <td>
                      <button
                        type="button"
                        className="rp-link"
                        onClick={() => setDrill({ title: i.name, visits: i.visitIds, ref: i.ref })}
                      >
                        {count(i.visits)}
                      </button>
                    </td>
                    <td>{count(i.people)}</td>
                    <td>{count(i.hours)}</td>
                    <td className="rp-day">{d(i.lastReport)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
