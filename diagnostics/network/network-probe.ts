/**
 * Probe `network.reachability` for the PC sweep: reads the configuration, runs the ladder over
 * the endpoint list (settings or `endpoints.json`), and yields one check per rung and per endpoint.
 */
import { markBlocked } from '../blocking.js';
import { check, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext } from '../types.js';
import { readNetworkConfig } from './config.js';
import { defaultEndpointList } from './endpoints.js';
import { runLadder } from './ladder.js';
import type { EndpointResult, LadderResult } from './types.js';

const meta = {
  id: 'network.reachability',
  area: 'network',
  title: t('Mạng và các trang dịch vụ công', 'Network and public-service sites'),
} as const;

function endpointCheck(e: EndpointResult): CheckResult {
  return check({
    id: `network.endpoint.${e.id}`,
    area: 'network',
    status: e.status,
    title: e.name,
    detail: e.explanation,
    values: {
      url: e.url,
      breaksAt: e.breaksAt,
      httpStatus: e.httpStatus,
      totalMs: e.totalMs,
      clockSkewMs: e.clockSkewMs,
      // The low-level codes, shown only under "Chi tiết kỹ thuật".
      dnsCode: e.dnsCode,
      tlsError: e.tls?.error,
    },
  });
}

/** The resolver codes the sites met (ETIMEOUT, ENOTFOUND…), for the technical details. */
function dnsCodes(result: LadderResult): string | undefined {
  const codes = [...new Set(result.endpoints.flatMap((e) => (e.dnsCode ? [e.dnsCode] : [])))];
  return codes.length === 0 ? undefined : codes.join(', ');
}

/** The checks of a ladder result: one per rung, then one per endpoint. */
export function ladderChecks(result: LadderResult): CheckResult[] {
  const rungs = result.rungs
    .filter((r) => r.id !== 'endpoints')
    .map((r) =>
      check({
        id: `network.${r.id}`,
        area: 'network',
        status: r.status,
        title: r.title,
        detail: r.detail,
        values: {
          ms: r.ms,
          breaksAt: result.breaksAt,
          ...(r.id === 'dns' ? { dnsCodes: dnsCodes(result) } : {}),
        },
        ...(r.fix === undefined ? {} : { fix: { text: r.fix } }),
      }),
    );
  return markBlocked([...rungs, ...result.endpoints.map(endpointCheck)]);
}

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  const config = await readNetworkConfig(ctx, signal);
  if (config.status !== 'ok') return [unknownFrom(meta, config)];
  const list = defaultEndpointList();
  const s = ctx.settings;
  const connectivity = s?.connectivity ?? list.connectivity;
  const result = await runLadder(ctx, {
    config: config.data,
    endpoints: s?.endpoints ?? list.endpoints,
    ...(connectivity === undefined ? {} : { connectivity }),
    ...(s?.dnsServers === undefined ? {} : { dnsServers: s.dnsServers }),
    ...(s?.extraCa === undefined ? {} : { ca: s.extraCa }),
    timeoutMs: 8000,
    signal,
  });
  return ladderChecks(result);
}

/** The probe. */
export const networkProbe: Probe = { ...meta, timeoutMs: 45_000, run };
