/**
 * The DNS rung, judged on every name the ladder resolved (its own probe, the connectivity test,
 * each site): the resolver is blamed only when no name resolves. One unknown name while the
 * others resolve is that name's problem (a wrong or retired address), not the resolver's, and
 * gets no "change your DNS" advice.
 */
import type { CheckStatus, LocalText } from '../types.js';
import { isNameNotFound, type DnsOutcome } from './dns-resolve.js';
import type { EndpointResult, Rung } from './types.js';

/** One name and how it resolved. */
export type NameEvidence = Readonly<{ host: string; outcome: DnsOutcome }>;

const t = (vi: string, en: string): LocalText => ({ vi, en });
const TITLE = t('Phân giải tên miền (DNS)', 'Name resolution (DNS)');
const quoted = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

function rung(
  status: CheckStatus,
  detail: LocalText,
  extra: Readonly<{ fix?: LocalText; ms?: number }> = {},
): Rung {
  return { id: 'dns', status, title: TITLE, detail, ...extra };
}

/** What the sites' own checks say about their names (none for a site checked through a proxy). */
export function endpointNames(results: readonly EndpointResult[]): NameEvidence[] {
  return results.flatMap((r): NameEvidence[] => {
    const host = new URL(r.url).hostname;
    if (r.addresses !== undefined)
      return [{ host, outcome: { addresses: [...r.addresses], ms: r.dnsMs ?? 0 } }];
    if (r.dnsCode !== undefined)
      return [{ host, outcome: { error: r.dnsCode, code: r.dnsCode, ms: r.dnsMs ?? 0 } }];
    return [];
  });
}

function firstPerHost(names: readonly NameEvidence[]): NameEvidence[] {
  const byHost = new Map<string, NameEvidence>();
  for (const n of names) if (!byHost.has(n.host)) byHost.set(n.host, n);
  return [...byHost.values()];
}

/**
 * The DNS rung from `evidence` (the ladder's own probe first). `servers` are the name servers in
 * use; `proxied`: browsers go through a proxy, so a local DNS failure is a warning.
 */
export function dnsRungFrom(
  servers: readonly string[],
  evidence: readonly NameEvidence[],
  proxied: boolean,
): Rung {
  if (servers.length === 0)
    return rung('fail', t('Máy không có máy chủ DNS nào.', 'No DNS server is configured.'), {
      fix: t(
        'Bật "Obtain DNS server address automatically", hoặc điền DNS của nhà mạng.',
        'Turn on "Obtain DNS server address automatically", or enter the ISP\'s DNS.',
      ),
    });
  const names = firstPerHost(evidence);
  const via = servers.join(', ');
  const resolved = names.filter((n) => 'addresses' in n.outcome);
  const unknown = names.filter((n) => 'code' in n.outcome && isNameNotFound(n.outcome.code));
  const silent = names.filter((n) => 'code' in n.outcome && !isNameNotFound(n.outcome.code));
  const first = resolved[0];
  if (first === undefined) return noneResolved(via, names, unknown, silent, proxied);
  const { addresses, ms } = first.outcome as Extract<DnsOutcome, { addresses: string[] }>;
  const count =
    names.length > 1
      ? t(
          `; ${resolved.length}/${names.length} tên phân giải được`,
          `; ${resolved.length}/${names.length} names resolved`,
        )
      : t('', '');
  const head = t(
    `${first.host} → ${addresses.join(', ')} (${ms} ms, DNS ${via}${count.vi})`,
    `${first.host} → ${addresses.join(', ')} (${ms} ms, DNS ${via}${count.en})`,
  );
  if (silent.length > 0) {
    return rung(
      'warn',
      t(
        `${head.vi}. DNS chập chờn: không trả lời cho ${quoted(silent.map((n) => n.host))}.`,
        `${head.en}. DNS is unreliable: no answer for ${quoted(silent.map((n) => n.host))}.`,
      ),
      {
        ms,
        fix: t(
          'Khởi động lại bộ định tuyến; nếu vẫn chập chờn, đặt DNS của nhà mạng.',
          "Restart the router; if it stays unreliable, set the ISP's DNS.",
        ),
      },
    );
  }
  if (unknown.length > 0) {
    const list = quoted(unknown.map((n) => n.host));
    return rung(
      'ok',
      t(
        `${head.vi}. Máy chủ DNS hoạt động; chỉ ${list} không có trong DNS (tên sai hoặc trang đã đổi địa chỉ).`,
        `${head.en}. The DNS server works; only ${list} does not exist in DNS (a wrong name, or the site moved).`,
      ),
      { ms },
    );
  }
  return rung('ok', head, { ms });
}

function noneResolved(
  via: string,
  names: readonly NameEvidence[],
  unknown: readonly NameEvidence[],
  silent: readonly NameEvidence[],
  proxied: boolean,
): Rung {
  const failed = proxied ? 'warn' : 'fail';
  if (names.length === 0)
    return rung('unknown', t('Không có tên miền nào để thử.', 'No name to try.'));
  if (silent.length === 0) {
    const list = quoted(unknown.map((n) => n.host));
    return rung(
      failed,
      t(
        `Máy chủ DNS (${via}) trả lời nhưng không biết tên nào: ${list}.`,
        `The DNS server (${via}) answers but does not know any of the names: ${list}.`,
      ),
      {
        fix: t(
          'Đổi DNS sang của nhà mạng hoặc 1.1.1.1/8.8.8.8; kiểm tra bộ lọc tên miền.',
          "Switch DNS to the ISP's or 1.1.1.1/8.8.8.8; check for domain filtering.",
        ),
      },
    );
  }
  const waited = Math.max(...silent.map((n) => n.outcome.ms));
  return rung(
    failed,
    t(
      `Máy chủ DNS (${via}) không trả lời (đã chờ ${waited} ms).`,
      `The DNS server (${via}) does not answer (waited ${waited} ms).`,
    ),
    {
      fix: t(
        'Khởi động lại bộ định tuyến; hoặc đặt DNS khác (của nhà mạng, 1.1.1.1, 8.8.8.8).',
        "Restart the router; or set another DNS (the ISP's, 1.1.1.1, 8.8.8.8).",
      ),
    },
  );
}
