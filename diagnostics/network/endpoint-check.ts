/**
 * Checks one public-service endpoint phase by phase — DNS answer, TCP, TLS (certificate valid,
 * and our clock consistent with it), HTTP status, time — and says exactly where it breaks.
 */
import type { LocalText } from '../types.js';
import { clockOffsetText } from './clock-offset.js';
import { isNameNotFound, resolveHost } from './dns-resolve.js';
import { timedRequest, type RequestOutcome } from './endpoint-request.js';
import { proxiedRequest, proxyFor, type ProxyAddress } from './proxy.js';
import type { BreakPoint, Endpoint, EndpointResult, ProxySettings } from './types.js';

/** Options of {@link checkEndpoint}. */
export type EndpointCheckOptions = Readonly<{
  /** Ask these DNS servers directly instead of the system resolver. */
  dnsServers?: readonly string[];
  /** Extra trusted CA certificates (PEM). */
  ca?: readonly string[];
  /** Hard limit per endpoint; default 10 000 ms. */
  timeoutMs?: number;
  /** Slower than this (total) is a warning; default 3000 ms. */
  slowMs?: number;
  /** Our clock (epoch ms); default `Date.now`. */
  now?: () => number;
  /** The proxy settings in effect; a URL they apply to is fetched through the proxy. */
  proxy?: ProxySettings;
  /** The hosts file's text, read before the system's DNS (not with `dnsServers`). */
  hostsText?: string;
  signal?: AbortSignal;
}>;

/** A clock off by more than this breaks certificates and signatures. */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;

const t = (vi: string, en: string): LocalText => ({ vi, en });
const day = (iso: string | undefined): string => iso?.slice(0, 10) ?? '?';

function certValidAt(tls: NonNullable<RequestOutcome['tls']>, at: number): boolean {
  const from = tls.validFrom === undefined ? NaN : Date.parse(tls.validFrom);
  const to = tls.validTo === undefined ? NaN : Date.parse(tls.validTo);
  return at >= from && at <= to;
}

type Verdict = Readonly<{
  status: EndpointResult['status'];
  breaksAt?: BreakPoint;
  explanation: LocalText;
}>;

/** "Expired" or "not yet valid" at time `at`, from the certificate's dates (else from the code). */
function datedWord(
  tls: NonNullable<RequestOutcome['tls']>,
  at: number,
): 'expired' | 'not-yet-valid' {
  const from = tls.validFrom === undefined ? NaN : Date.parse(tls.validFrom);
  if (at < from) return 'not-yet-valid';
  const to = tls.validTo === undefined ? NaN : Date.parse(tls.validTo);
  if (at > to) return 'expired';
  return /CERT_NOT_YET_VALID/.test(tls.error ?? '') ? 'not-yet-valid' : 'expired';
}

function clockVerdict(tls: NonNullable<RequestOutcome['tls']>, skew: number, now: number): Verdict {
  const off = clockOffsetText(skew);
  const looks =
    datedWord(tls, now) === 'expired'
      ? t('có vẻ đã hết hạn', 'looks expired')
      : t('có vẻ chưa có hiệu lực', 'looks not yet valid');
  return {
    status: 'fail',
    breaksAt: 'clock',
    explanation: t(
      `Đồng hồ máy tính ${off.vi} so với máy chủ, nên chứng thư số của trang ${looks.vi}. Chỉnh ngày giờ (bật "Đặt giờ tự động").`,
      `This PC's clock is ${off.en} against the server, so the site's certificate ${looks.en}. Fix the date and time ("Set time automatically").`,
    ),
  };
}

function serverDatedVerdict(tls: NonNullable<RequestOutcome['tls']>, at: number): Verdict {
  if (datedWord(tls, at) === 'expired')
    return {
      status: 'fail',
      breaksAt: 'tls',
      explanation: t(
        `Chứng thư số (TLS) của máy chủ đã hết hạn ngày ${day(tls.validTo)}. Lỗi ở phía máy chủ; báo đơn vị quản lý trang.`,
        `The server's TLS certificate expired on ${day(tls.validTo)}. The fault is on the server side; tell its operator.`,
      ),
    };
  return {
    status: 'fail',
    breaksAt: 'tls',
    explanation: t(
      `Chứng thư số (TLS) của máy chủ chưa có hiệu lực (từ ngày ${day(tls.validFrom)}). Lỗi ở phía máy chủ; báo đơn vị quản lý trang.`,
      `The server's TLS certificate is not valid yet (from ${day(tls.validFrom)}). The fault is on the server side; tell its operator.`,
    ),
  };
}

function classifyTls(
  out: RequestOutcome,
  skew: number | undefined,
  now: number,
): Verdict | undefined {
  const tls = out.tls;
  if (tls === undefined || tls.authorized) return undefined;
  const dated = /CERT_HAS_EXPIRED|CERT_NOT_YET_VALID/.test(tls.error ?? '');
  const clockOff = skew !== undefined && Math.abs(skew) > CLOCK_TOLERANCE_MS;
  if (dated && clockOff && certValidAt(tls, now + skew)) return clockVerdict(tls, skew, now);
  if (dated) return serverDatedVerdict(tls, clockOff ? now + skew : now);
  if (/ALTNAME|Hostname\/IP does not match/i.test(tls.error ?? ''))
    return {
      status: 'fail',
      breaksAt: 'tls',
      explanation: t(
        `Chứng thư số không dành cho tên này (cấp cho "${tls.subject ?? '?'}"). Có thể mạng đang chặn/chuyển hướng trang, hoặc máy chủ cấu hình sai.`,
        `The certificate is not for this name (issued to "${tls.subject ?? '?'}"). The network may be intercepting the site, or the server is misconfigured.`,
      ),
    };
  return {
    status: 'fail',
    breaksAt: 'tls',
    explanation: t(
      `Không tin được chứng thư số của máy chủ (${tls.error ?? '?'}). Có thể thiếu chứng thư gốc (root CA) trên máy, hoặc phần mềm diệt virus/proxy đang chặn HTTPS.`,
      `The server certificate is not trusted (${tls.error ?? '?'}). A root CA may be missing on this PC, or antivirus/proxy is intercepting HTTPS.`,
    ),
  };
}

function classifyProxy(
  error: NonNullable<RequestOutcome['error']>,
  proxy: ProxyAddress,
): Verdict | undefined {
  const where = `${proxy.host}:${proxy.port}`;
  if (error.code === 'PROXY_407')
    return {
      status: 'fail',
      breaksAt: 'proxy',
      explanation: t(
        `Proxy ${where} đòi đăng nhập (407). Hỏi người quản trị mạng tài khoản proxy.`,
        `The proxy ${where} wants a login (407). Ask the network admin for the proxy account.`,
      ),
    };
  if (error.code.startsWith('PROXY_'))
    return {
      status: 'fail',
      breaksAt: 'proxy',
      explanation: t(
        `Proxy ${where} không cho đi tới trang này (${error.code.slice(6)}): có thể bị chặn theo chính sách.`,
        `The proxy ${where} refuses this site (${error.code.slice(6)}): it may be blocked by policy.`,
      ),
    };
  if (error.phase === 'tcp' && error.code !== 'TIMEOUT')
    return {
      status: 'fail',
      breaksAt: 'proxy',
      explanation: t(
        `Không kết nối được proxy ${where} (${error.code}). Kiểm tra cài đặt proxy của máy.`,
        `Cannot reach the proxy ${where} (${error.code}). Check this PC's proxy settings.`,
      ),
    };
  return undefined;
}

function classifyError(out: RequestOutcome, totalMs: number, proxy?: ProxyAddress): Verdict {
  const error = out.error!;
  const viaProxy = proxy === undefined ? undefined : classifyProxy(error, proxy);
  if (viaProxy !== undefined) return viaProxy;
  if (error.phase === 'tcp') {
    const refused = error.code === 'ECONNREFUSED';
    return {
      status: 'fail',
      breaksAt: 'tcp',
      explanation: refused
        ? t(
            'Máy chủ từ chối kết nối (cổng đóng). Dịch vụ có thể đang bảo trì.',
            'The server refused the connection (port closed). The service may be down for maintenance.',
          )
        : error.code === 'TIMEOUT'
          ? t(
              `Máy chủ không nhận kết nối trong ${totalMs} ms. Tường lửa hoặc mạng đang chặn.`,
              `The server did not accept a connection within ${totalMs} ms. A firewall or the network blocks it.`,
            )
          : t(
              `Không kết nối được tới máy chủ (${error.code}). Tường lửa hoặc mạng đang chặn.`,
              `Could not connect to the server (${error.code}). A firewall or the network blocks it.`,
            ),
    };
  }
  if (error.phase === 'tls')
    return {
      status: 'fail',
      breaksAt: 'tls',
      explanation: t(
        `Bắt tay TLS thất bại (${error.code}).`,
        `The TLS handshake failed (${error.code}).`,
      ),
    };
  if (error.code === 'TIMEOUT')
    return {
      status: 'fail',
      breaksAt: 'slow',
      explanation: t(
        `Máy chủ nhận kết nối nhưng không trả lời trong ${totalMs} ms (quá tải hoặc mạng rất chậm).`,
        `The server accepted the connection but did not answer within ${totalMs} ms (overloaded or a very slow network).`,
      ),
    };
  return {
    status: 'fail',
    breaksAt: 'http',
    explanation: t(
      `Máy chủ ngắt giữa chừng (${error.code}).`,
      `The server broke off (${error.code}).`,
    ),
  };
}

function classifyHttp(
  endpoint: Endpoint,
  out: RequestOutcome,
  total: number,
  slowMs: number,
  skew: number | undefined,
): Verdict {
  const status = out.status ?? 0;
  const okStatus = (status >= 200 && status < 400) || (endpoint.okStatuses ?? []).includes(status);
  if (!okStatus)
    return {
      status: 'fail',
      breaksAt: 'http',
      explanation:
        status >= 500
          ? t(
              `Máy chủ báo lỗi HTTP ${status}: dịch vụ đang trục trặc ở phía họ, không phải ở máy này.`,
              `The server answered HTTP ${status}: the service has a problem on its side, not this PC.`,
            )
          : t(
              `Máy chủ trả lời HTTP ${status} (địa chỉ có thể đã đổi).`,
              `The server answered HTTP ${status} (the address may have changed).`,
            ),
    };
  if (skew !== undefined && Math.abs(skew) > CLOCK_TOLERANCE_MS) {
    const off = clockOffsetText(skew);
    return {
      status: 'warn',
      breaksAt: 'clock',
      explanation: t(
        `Truy cập được, nhưng đồng hồ máy ${off.vi} so với máy chủ: ký số và đăng nhập có thể lỗi. Chỉnh ngày giờ.`,
        `Reachable, but this PC's clock is ${off.en} against the server: signing and logins may fail. Fix the clock.`,
      ),
    };
  }
  if (total > slowMs)
    return {
      status: 'warn',
      breaksAt: 'slow',
      explanation: t(
        `Truy cập được nhưng chậm (${total} ms).`,
        `Reachable but slow (${total} ms).`,
      ),
    };
  return {
    status: 'ok',
    explanation: t(
      `Truy cập tốt (HTTP ${status}, ${total} ms).`,
      `Reachable (HTTP ${status}, ${total} ms).`,
    ),
  };
}

/** Checks one endpoint. Never throws. */
export async function checkEndpoint(
  endpoint: Endpoint,
  options: EndpointCheckOptions = {},
): Promise<EndpointResult> {
  const url = new URL(endpoint.url);
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const base = { id: endpoint.id, name: endpoint.name, url: endpoint.url };
  const proxy = options.proxy === undefined ? undefined : proxyFor(options.proxy, url);
  if (proxy !== undefined) return viaProxy(endpoint, url, proxy, options);
  const dns = await resolveHost(url.hostname, {
    ...(options.dnsServers === undefined ? {} : { servers: options.dnsServers }),
    ...(options.hostsText === undefined ? {} : { hostsText: options.hostsText }),
    timeoutMs: Math.min(timeoutMs, 5000),
  });
  if ('error' in dns || dns.addresses[0] === undefined) {
    const code = 'error' in dns ? dns.code : 'ENODATA';
    const explanation = isNameNotFound(code)
      ? t(
          `Máy chủ DNS không biết tên "${url.hostname}".`,
          `The DNS server does not know "${url.hostname}".`,
        )
      : t(
          `Máy chủ DNS không trả lời (đã chờ ${dns.ms} ms).`,
          `The DNS server did not answer (waited ${dns.ms} ms).`,
        );
    return {
      ...base,
      status: 'fail',
      breaksAt: 'dns',
      explanation,
      dnsMs: dns.ms,
      dnsCode: code,
      totalMs: dns.ms,
    };
  }
  // One limit for the whole site: what DNS used is taken from what the request may use.
  const left = Math.max(1, timeoutMs - dns.ms);
  const out = await timedRequest({
    address: dns.addresses[0],
    url,
    timeoutMs: left,
    ...(options.ca === undefined ? {} : { ca: options.ca }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const skew = out.date === undefined ? undefined : Date.parse(out.date) - now();
  const totalMs = dns.ms + (out.endMs ?? left);
  return assemble(endpoint, out, {
    addresses: dns.addresses,
    dnsMs: dns.ms,
    totalMs,
    skew,
    now: now(),
    slowMs: options.slowMs ?? 3000,
  });
}

type Extra = Readonly<{
  addresses?: readonly string[];
  dnsMs?: number;
  totalMs: number;
  skew: number | undefined;
  now: number;
  slowMs: number;
  proxy?: ProxyAddress;
}>;

function assemble(endpoint: Endpoint, out: RequestOutcome, extra: Extra): EndpointResult {
  const { skew, totalMs } = extra;
  const verdict =
    out.error !== undefined
      ? classifyError(out, totalMs, extra.proxy)
      : (classifyTls(out, skew, extra.now) ??
        classifyHttp(endpoint, out, totalMs, extra.slowMs, skew));
  return {
    id: endpoint.id,
    name: endpoint.name,
    url: endpoint.url,
    ...verdict,
    ...(extra.addresses === undefined ? {} : { addresses: extra.addresses }),
    ...(extra.dnsMs === undefined ? {} : { dnsMs: extra.dnsMs }),
    ...(extra.proxy === undefined ? {} : { viaProxy: `${extra.proxy.host}:${extra.proxy.port}` }),
    ...(out.tcpMs === undefined ? {} : { tcpMs: out.tcpMs }),
    ...(out.tlsMs === undefined ? {} : { tlsMs: out.tlsMs }),
    ...(out.httpMs === undefined ? {} : { httpMs: out.httpMs }),
    totalMs,
    ...(out.status === undefined ? {} : { httpStatus: out.status }),
    ...(out.tls === undefined ? {} : { tls: out.tls }),
    ...(skew === undefined || Number.isNaN(skew) ? {} : { clockSkewMs: skew }),
  };
}

/** The check through a proxy: no local DNS (the proxy resolves), TCP = to the proxy. */
async function viaProxy(
  endpoint: Endpoint,
  url: URL,
  proxy: ProxyAddress,
  options: EndpointCheckOptions,
): Promise<EndpointResult> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const out = await proxiedRequest({
    proxy,
    url,
    timeoutMs,
    ...(options.ca === undefined ? {} : { ca: options.ca }),
  });
  const now = (options.now ?? Date.now)();
  const skew = out.date === undefined ? undefined : Date.parse(out.date) - now;
  const totalMs = out.endMs ?? timeoutMs;
  return assemble(endpoint, out, { totalMs, skew, now, slowMs: options.slowMs ?? 3000, proxy });
}
