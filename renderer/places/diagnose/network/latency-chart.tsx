/**
 * A small accessible latency chart: inline SVG bars (no chart library needed for ≤ 30 samples),
 * a text summary for screen readers, lost samples drawn as a cross and named "lost" (never
 * colour alone).
 */
import { useTranslation } from 'react-i18next';

import type { LatencyResult } from '../../../../diagnostics/network/types';
import { pick } from '../../../i18n/pick';

const W = 320;
const H = 120;
const PAD = 24;

/** Props: one latency series. */
export type LatencyChartProps = Readonly<{ result: LatencyResult }>;

/** The chart with its caption. */
export function LatencyChart({ result }: LatencyChartProps) {
  const { t, i18n } = useTranslation('network');
  const values = result.timesMs;
  const max = Math.max(1, ...values.map((v) => v ?? 0));
  const step = (W - PAD) / Math.max(1, values.length);
  const label = t('latency.chart', { count: values.length, host: result.host });
  const summary =
    result.avgMs === undefined
      ? t('latency.summaryNone', { host: result.host })
      : t('latency.summary', {
          host: result.host,
          loss: result.lossPercent,
          min: result.minMs,
          avg: result.avgMs,
          max: result.maxMs,
        });
  return (
    <figure className="latency-chart" data-testid="latency-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${label}. ${summary}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <line x1={PAD} y1={H - PAD} x2={W} y2={H - PAD} className="axis" />
        <text x={2} y={12} className="axis-label">{`${Math.round(max)} ms`}</text>
        <text x={2} y={H - PAD} className="axis-label">
          0
        </text>
        {values.map((v, i) => {
          const x = PAD + i * step + step * 0.15;
          const width = step * 0.7;
          if (v === null) {
            const cx = x + width / 2;
            return (
              <g key={i} className="lost" data-testid="latency-lost">
                <title>{t('latency.sample', { n: i + 1, value: t('latency.lost') })}</title>
                <path d={`M${cx - 5} ${H - PAD - 14}l10 10M${cx + 5} ${H - PAD - 14}l-10 10`} />
              </g>
            );
          }
          const h = Math.max(2, ((H - 2 * PAD) * v) / max);
          return (
            <rect
              key={i}
              x={x}
              y={H - PAD - h}
              width={width}
              height={h}
              className="bar"
              data-testid="latency-bar"
            >
              <title>{t('latency.sample', { n: i + 1, value: `${v} ms` })}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption>
        {summary} · {t('latency.method', { method: result.method })}
        {result.note ? <> — {pick(result.note, i18n.language)}</> : null}
      </figcaption>
    </figure>
  );
}
