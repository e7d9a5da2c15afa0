/**
 * The reachability ladder: link → gateway → DNS → internet → each public-service endpoint, and
 * the lowest rung that is not ok is where it breaks. A proxy or a captive portal is recognised
 * and said, not reported as "no internet".
 */
import { worst } from '../checks.js';
import { probeTcp } from '../scan/tcp-probe.js';
import type { CheckStatus, LocalText, ProbeContext } from '../types.js';
import { clockOffsetText } from './clock-offset.js';
import { resolveHost } from './dns-resolve.js';
import { checkEndpoint, type EndpointCheckOptions } from './endpoint-check.js';
import { timedRequest, type RequestOutcome } from './endpoint-request.js';
import { pingHost } from './ping.js';
import { proxiedRequest, proxyFor } from './proxy.js';
import type {
  ConnectivityProbe,
  Endpoint,
  EndpointResult,
  LadderResult,
  NetworkConfig,
  Rung,
  RungId,
} from './types.js';
import { hostsFilePath } from './hosts-file.js';
import { sitesStatus, sitesSummary, weighEvidence } from './ladder-blame.js';
import { dnsRungFrom, endpointNames, type NameEvidence } from './ladder-dns.js';
import { verdictOf } from './ladder-verdict.js';
import { signalFigure } from './wifi-signal.js';

/** Options of {@link runLadder}. */
export type LadderOptions = EndpointCheckOptions &
  Readonly<{
    config: NetworkConfig;
    endpoints: readonly Endpoint[];
    connectivity?: ConnectivityProbe;
    onRung?: (rung: Rung) => void;
    onEndpoint?: (result: EndpointResult) => void;
  }>;

const t = (vi: string, en: string): LocalText => ({ vi, en });
const TITLES: Readonly<Record<RungId, LocalText>> = {
  link: t('Kết nối mạng (cáp/Wi-Fi)', 'Network link (cable/Wi-Fi)'),
  gateway: t('Bộ định tuyến (gateway)', 'Router (gateway)'),
  dns: t('Phân giải tên miền (DNS)', 'Name resolution (DNS)'),
  internet: t('Internet', 'Internet'),
  endpoints: t('Các trang dịch vụ công', 'Public-service sites'),
};

function rung(
  id: RungId,
  status: CheckStatus,
  detail: LocalText,
  extra: Readonly<{ fix?: LocalText; ms?: number }> = {},
): Rung {
  return { id, status, title: TITLES[id], detail, ...extra };
}

function linkRung(config: NetworkConfig): Rung {
  const live = config.interfaces.filter((i) => i.up && i.kind !== 'loopback' && i.ipv4.length > 0);
  const usable = live.filter((i) => i.ipv4.some((a) => !a.address.startsWith('169.254.')));
  if (usable.length > 0) {
    const list = usable
      .map(
        (i) =>
          `${i.name} ${i.ipv4.map((a) => `${a.address}/${a.prefix}${a.dhcp === true ? ' DHCP' : ''}`).join(', ')}`,
      )
      .join('; ');
    const weak = usable.filter((i) => i.wifi?.level === 'weak');
    if (weak.length > 0 && weak.length === usable.length) {
      const figures = weak
        .map(
          (i) =>
            `${i.name}${i.wifi?.ssid === undefined ? '' : ` "${i.wifi.ssid}"`} ${signalFigure(i.wifi ?? {})}`,
        )
        .join('; ');
      return rung(
        'link',
        'warn',
        t(
          `Đã kết nối: ${list}. Sóng Wi-Fi yếu: ${figures}.`,
          `Connected: ${list}. The Wi-Fi signal is weak: ${figures}.`,
        ),
        {
          fix: t(
            'Đặt máy gần bộ phát Wi-Fi hơn, dùng Wi-Fi 5 GHz nếu bộ phát có, hoặc cắm cáp mạng.',
            'Move closer to the access point, use 5 GHz if it offers it, or use a network cable.',
          ),
        },
      );
    }
    return rung('link', 'ok', t(`Đã kết nối: ${list}`, `Connected: ${list}`));
  }
  if (live.length > 0)
    return rung(
      'link',
      'fail',
      t(
        'Máy chỉ có địa chỉ 169.254.x.x: không nhận được IP từ bộ định tuyến (DHCP).',
        'Only a 169.254.x.x address: no IP from the router (DHCP).',
      ),
      {
        fix: t(
          'Kiểm tra cáp tới bộ định tuyến/switch; khởi động lại bộ định tuyến; hoặc đặt IP tĩnh.',
          'Check the cable to the router/switch; restart the router; or set a static IP.',
        ),
      },
    );
  return rung(
    'link',
    'fail',
    t('Không có kết nối mạng nào đang hoạt động.', 'No network connection is up.'),
    {
      fix: t(
        'Cắm cáp mạng (đèn cổng mạng phải sáng) hoặc kết nối Wi-Fi.',
        'Plug in the network cable (the port light must be on) or join the Wi-Fi.',
      ),
    },
  );
}

async function gatewayRung(
  ctx: ProbeContext,
  gateway: string | undefined,
  signal?: AbortSignal,
): Promise<Rung> {
  if (gateway === undefined)
    return rung(
      'gateway',
      'fail',
      t(
        'Không có gateway mặc định: máy không biết đường ra ngoài.',
        'No default gateway: this PC has no way out.',
      ),
      {
        fix: t(
          'Bật DHCP trên card mạng, hoặc điền Default gateway khi đặt IP tĩnh.',
          'Turn on DHCP for the adapter, or fill in the default gateway of the static IP.',
        ),
      },
    );
  const ping = await pingHost(ctx, gateway, {
    count: 2,
    perReplyTimeoutS: 1,
    ...(signal === undefined ? {} : { signal }),
  });
  const times =
    ping.status === 'ok' ? ping.data.timesMs.filter((x): x is number => x !== null) : [];
  if (times.length > 0)
    return rung(
      'gateway',
      'ok',
      t(
        `Gateway ${gateway} trả lời ping (${Math.round(Math.min(...times))} ms).`,
        `Gateway ${gateway} answers ping (${Math.round(Math.min(...times))} ms).`,
      ),
      { ms: Math.min(...times) },
    );
  for (const port of [80, 443, 53]) {
    const outcome = await probeTcp(gateway, port, 1000, signal);
    if (outcome === 'open' || outcome === 'refused')
      return rung(
        'gateway',
        'ok',
        t(
          `Gateway ${gateway} có trả lời (không trả lời ping).`,
          `Gateway ${gateway} answers (it ignores ping).`,
        ),
      );
  }
  return rung(
    'gateway',
    'fail',
    t(`Gateway ${gateway} không trả lời.`, `Gateway ${gateway} does not answer.`),
    {
      fix: t(
        'Kiểm tra bộ định tuyến đã bật; khởi động lại nó; kiểm tra cáp giữa máy và switch.',
        'Check the router is on; restart it; check the cable between PC and switch.',
      ),
    },
  );
}

async function probeName(
  host: string | undefined,
  servers: readonly string[] | undefined,
  hostsText: string | undefined,
): Promise<NameEvidence[]> {
  if (host === undefined) return [];
  return [
    {
      host,
      outcome: await resolveHost(host, {
        ...(servers === undefined ? {} : { servers }),
        ...(hostsText === undefined ? {} : { hostsText }),
      }),
    },
  ];
}

function judgeInternet(
  out: RequestOutcome,
  probe: ConnectivityProbe,
  via: string,
): { rung: Rung; captive: boolean } {
  const redirected = out.status !== undefined && out.status >= 300 && out.status < 400;
  if (redirected || (out.body ?? '').trim() !== probe.expectBody) {
    const where = out.location === undefined ? '' : `: ${out.location}`;
    return {
      rung: rung(
        'internet',
        'warn',
        t(
          `Mạng này yêu cầu đăng nhập trước khi ra Internet (captive portal${where}).`,
          `This network wants a sign-in before the internet (captive portal${where}).`,
        ),
        {
          fix: t(
            'Mở trình duyệt, đăng nhập trang của mạng (Wi-Fi khách sạn/nhà mạng), rồi kiểm tra lại.',
            "Open a browser, sign in on the network's page, then check again.",
          ),
        },
      ),
      captive: true,
    };
  }
  const ms = out.httpMs ?? 0;
  return {
    rung: rung(
      'internet',
      'ok',
      t(
        `Ra Internet được${via === '' ? '' : ` qua proxy ${via}`} (${ms} ms).`,
        `Internet reachable${via === '' ? '' : ` through the proxy ${via}`} (${ms} ms).`,
      ),
      { ms },
    ),
    captive: false,
  };
}

type InternetOutcome = { rung: Rung; captive: boolean; names?: NameEvidence[] };

async function internetRung(
  probe: ConnectivityProbe | undefined,
  options: LadderOptions,
): Promise<InternetOutcome> {
  if (probe === undefined)
    return {
      rung: rung(
        'internet',
        'unknown',
        t('Không có địa chỉ thử Internet.', 'No internet probe configured.'),
      ),
      captive: false,
    };
  const url = new URL(probe.url);
  const timeoutMs = options.timeoutMs ?? 8000;
  const proxy = proxyFor(options.config.proxy, url);
  if (proxy !== undefined) {
    const via = `${proxy.host}:${proxy.port}`;
    const out = await proxiedRequest({ proxy, url, timeoutMs, bodyBytes: 512 });
    if (out.error === undefined) return judgeInternet(out, probe, via);
    return {
      rung: rung(
        'internet',
        'fail',
        t(
          `Không ra Internet qua proxy ${via} (${out.error.code}).`,
          `No internet through the proxy ${via} (${out.error.code}).`,
        ),
        {
          fix: t(
            'Kiểm tra địa chỉ proxy trong cài đặt mạng của máy; hỏi người quản trị mạng.',
            "Check the proxy address in this PC's network settings; ask the network admin.",
          ),
        },
      ),
      captive: false,
    };
  }
  const dns = await resolveHost(url.hostname, {
    ...(options.dnsServers === undefined ? {} : { servers: options.dnsServers }),
    ...(options.hostsText === undefined ? {} : { hostsText: options.hostsText }),
    timeoutMs: Math.min(timeoutMs, 5000),
  });
  const names = [{ host: url.hostname, outcome: dns }];
  if ('error' in dns)
    return {
      rung: rung(
        'internet',
        'unknown',
        t(
          `Không thử được Internet vì phân giải tên miền (DNS) lỗi.`,
          `Internet not tried: name resolution (DNS) failed.`,
        ),
      ),
      captive: false,
      names,
    };
  const out = await timedRequest({
    address: dns.addresses[0] ?? '',
    url,
    timeoutMs: Math.max(1, timeoutMs - dns.ms),
    bodyBytes: 512,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  if (out.error === undefined) return { ...judgeInternet(out, probe, ''), names };
  const pac = options.config.proxy.autoConfigUrl;
  if (pac !== undefined)
    return {
      names,
      rung: rung(
        'internet',
        'warn',
        t(
          `Không ra Internet trực tiếp được, nhưng máy dùng tệp cấu hình proxy ${pac}: trình duyệt đi qua proxy.`,
          `No direct internet, but this PC uses the proxy script ${pac}: browsers go through it.`,
        ),
        {
          fix: t(
            'Thử mở trang trong trình duyệt; nếu lỗi, hỏi người quản trị mạng về proxy.',
            'Try the site in a browser; if it fails, ask the network admin about the proxy.',
          ),
        },
      ),
      captive: false,
    };
  return {
    names,
    rung: rung(
      'internet',
      'fail',
      t(
        `Bộ định tuyến không ra được Internet (${out.error.code}).`,
        `The router does not reach the internet (${out.error.code}).`,
      ),
      {
        fix: t(
          'Kiểm tra đèn Internet/PON của modem nhà mạng; khởi động lại modem; gọi tổng đài nhà mạng.',
          "Check the modem's Internet/PON light; restart the modem; call the ISP.",
        ),
      },
    ),
    captive: false,
  };
}

async function endpointsRung(
  options: LadderOptions,
): Promise<{ rung: Rung; results: EndpointResult[] }> {
  const live = options.endpoints.filter((e) => e.placeholder !== true);
  const results = await Promise.all(
    live.map(async (e) => {
      const result = await checkEndpoint(e, { ...options, proxy: options.config.proxy });
      options.onEndpoint?.(result);
      return result;
    }),
  );
  const summary = sitesSummary(results, options.endpoints.length - live.length);
  return { rung: rung('endpoints', sitesStatus(results, worst), summary), results };
}

function clockOffsetOf(results: readonly EndpointResult[]): LocalText | undefined {
  const off = results.find((e) => e.breaksAt === 'clock' && e.clockSkewMs !== undefined);
  return off?.clockSkewMs === undefined ? undefined : clockOffsetText(off.clockSkewMs);
}

/**
 * Runs the ladder. Every rung is tried at once (each with its own limit) so the whole picture
 * shows; then each rung is weighed against the ones above it (`ladder-blame.ts`, `ladder-dns.ts`).
 */
export async function runLadder(ctx: ProbeContext, options: LadderOptions): Promise<LadderResult> {
  const started = ctx.now();
  const emit = (r: Rung): Rung => {
    options.onRung?.(r);
    return r;
  };
  const { config } = options;
  // Read once, through the host (an absent or unreadable hosts file pins nothing).
  const hostsText =
    options.hostsText ??
    (await ctx.fs.readText(hostsFilePath(ctx.platform, ctx.env['SystemRoot'])).catch(() => ''));
  const opts: LadderOptions = { ...options, hostsText };
  const link = emit(linkRung(config));
  const firstUrl =
    opts.endpoints.find((e) => e.placeholder !== true)?.url ?? opts.connectivity?.url;
  const servers = opts.dnsServers ?? config.dnsServers;
  const [gateway, probed, internet, endpoints] = await Promise.all([
    gatewayRung(ctx, config.defaultGateway, opts.signal),
    probeName(
      firstUrl === undefined ? undefined : new URL(firstUrl).hostname,
      opts.dnsServers,
      opts.hostsText,
    ),
    internetRung(opts.connectivity, opts),
    endpointsRung(opts).then((r) => ({ ...r, rung: emit(r.rung) })),
  ]);
  const dns = dnsRungFrom(
    servers,
    [...probed, ...(internet.names ?? []), ...endpointNames(endpoints.results)],
    config.proxy.enabled,
  );
  const weighed = weighEvidence(
    [gateway, dns, internet.rung],
    endpoints.results,
    config.defaultGateway !== undefined,
  );
  weighed.forEach(emit);
  const rungs = [link, ...weighed, endpoints.rung];
  const breaking = rungs.find((r) => r.status === 'fail' || r.status === 'warn');
  return {
    ...(breaking === undefined ? {} : { breaksAt: breaking.id }),
    verdict: verdictOf(breaking, internet.captive, clockOffsetOf(endpoints.results)),
    rungs,
    endpoints: endpoints.results,
    config,
    captivePortal: internet.captive,
    checkedAt: new Date(started).toISOString(),
    durationMs: ctx.now() - started,
  };
}
