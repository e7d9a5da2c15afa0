/**
 * Blame follows evidence: a lower rung's failure is where the network breaks only when what is
 * above it fails too. A site that answers proves the router forwards traffic and the internet
 * works, whatever the gateway's ping or the connectivity-test page said.
 */
import type { CheckStatus, LocalText } from '../types.js';
import type { EndpointResult, Rung } from './types.js';

const t = (vi: string, en: string): LocalText => ({ vi, en });

/** True when the site's check got past this PC and the router: an answer from the far side. */
export function answered(e: EndpointResult): boolean {
  return e.viaProxy === undefined ? e.tcpMs !== undefined : e.httpStatus !== undefined;
}

/** True when the site answered HTTP (ok, slow, or with the clock warning). */
export function reachable(e: EndpointResult): boolean {
  return e.httpStatus !== undefined && (e.status === 'ok' || e.status === 'warn');
}

function clearedGateway(r: Rung, sites: number): Rung {
  if (r.status !== 'fail') return r;
  const { fix: _fix, ...rest } = r;
  return {
    ...rest,
    status: 'ok',
    detail: t(
      `${r.detail.vi} Nhưng nó vẫn chuyển tiếp: ${sites} trang bên ngoài trả lời qua nó.`,
      `${r.detail.en} But it forwards traffic: ${sites} outside sites answer through it.`,
    ),
  };
}

function clearedInternet(r: Rung, sites: number): Rung {
  if (r.status !== 'fail' && r.status !== 'unknown') return r;
  const { fix: _fix, ...rest } = r;
  return {
    ...rest,
    status: 'ok',
    detail: t(
      `Internet hoạt động: ${sites} trang dịch vụ công vào được (trang thử kết nối thì không: ${r.detail.vi})`,
      `The internet works: ${sites} public-service sites are reachable (the connectivity test was not: ${r.detail.en})`,
    ),
  };
}

function clearedNoGateway(r: Rung, sites: number): Rung {
  if (r.status !== 'fail') return r;
  const { fix: _fix, ...rest } = r;
  return {
    ...rest,
    status: 'ok',
    detail: t(
      `Máy không có cổng mặc định, nhưng vẫn ra được bên ngoài: ${sites} trang trả lời (qua proxy hoặc một tuyến riêng).`,
      `This PC has no default gateway, but it still reaches the outside: ${sites} sites answer (through a proxy or a route of its own).`,
    ),
  };
}

/**
 * The rungs with failures that the sites contradict cleared: the gateway when a site answered
 * through it (a gateway the PC has, that ignores ping), or when the PC has none and sites answer
 * anyway (an office that goes out only through its proxy); the internet when a site answered HTTP. Other rungs are returned as they are.
 */
export function weighEvidence(
  rungs: readonly Rung[],
  endpoints: readonly EndpointResult[],
  hasGateway: boolean,
): Rung[] {
  const through = endpoints.filter(answered).length;
  const sites = endpoints.filter(reachable).length;
  return rungs.map((r) => {
    if (r.id === 'gateway' && through > 0) {
      return hasGateway ? clearedGateway(r, through) : clearedNoGateway(r, through);
    }
    if (r.id === 'internet' && sites > 0) return clearedInternet(r, sites);
    return r;
  });
}

/**
 * The sites rung's one line, the same count in both languages: sites that answered (slow ones
 * included, and counted), sites that failed, and entries still to edit.
 */
export function sitesSummary(results: readonly EndpointResult[], skipped: number): LocalText {
  const ok = results.filter(reachable);
  const slow = ok.filter((e) => e.status === 'warn').length;
  const failed = results.length - ok.length;
  const vi = [
    `${ok.length}/${results.length} trang vào được`,
    slow > 0 ? `${slow} trang chậm hoặc cần chú ý` : '',
    failed > 0 ? `${failed} trang lỗi` : '',
    skipped > 0 ? `${skipped} mục chưa điền địa chỉ` : '',
  ];
  const en = [
    `${ok.length}/${results.length} sites reachable`,
    slow > 0 ? `${slow} slow or needing attention` : '',
    failed > 0 ? `${failed} failing` : '',
    skipped > 0 ? `${skipped} entries still to edit` : '',
  ];
  return t(
    `${vi.filter((x) => x !== '').join(', ')}.`,
    `${en.filter((x) => x !== '').join(', ')}.`,
  );
}

/** The status of the sites rung: the worst site, `unknown` when there are none. */
export function sitesStatus(
  results: readonly EndpointResult[],
  worst: (s: CheckStatus[]) => CheckStatus,
): CheckStatus {
  return results.length === 0 ? 'unknown' : worst(results.map((r) => r.status));
}
