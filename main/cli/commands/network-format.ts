/**
 * Readable output of `xaso network`: the verdict first, then each rung, then each site.
 */
import type { LadderResult, LatencyResult, NetworkConfig } from '../../../diagnostics/network/types.js';
import type { Lang } from '../../service/define.js';
import { STATUS_WORDS } from '../status-words.js';

/** Lines for a ladder result. */
export function formatLadder(result: LadderResult, lang: Lang): string[] {
  const lines = [result.verdict[lang], ''];
  result.rungs.forEach((rung, index) => {
    lines.push(`${index + 1}. ${STATUS_WORDS[rung.status][lang].padEnd(12)} ${rung.title[lang]}: ${rung.detail[lang]}`);
    if (rung.fix !== undefined && rung.status !== 'ok') lines.push(`   ${' '.repeat(12)} → ${rung.fix[lang]}`);
  });
  if (result.endpoints.length > 0) lines.push('');
  for (const e of result.endpoints) {
    const phases = [e.dnsMs === undefined ? '' : `DNS ${e.dnsMs}`, e.tcpMs === undefined ? '' : `TCP ${e.tcpMs}`, e.tlsMs === undefined ? '' : `TLS ${e.tlsMs}`, e.httpMs === undefined ? '' : `HTTP ${e.httpStatus ?? '?'} @${e.httpMs}`].filter((p) => p !== '').join(', ');
    lines.push(`   ${STATUS_WORDS[e.status][lang].padEnd(12)} ${e.name[lang]} — ${e.explanation[lang]}${phases === '' ? '' : ` [${phases} ms]`}`);
  }
  return lines;
}

/** Lines for the interfaces. */
export function formatConfig(config: NetworkConfig, lang: Lang): string[] {
  const vi = lang === 'vi';
  const lines = config.interfaces.filter((i) => i.kind !== 'loopback').map((i) => {
    const ips = i.ipv4.map((a) => `${a.address}/${a.prefix}${a.dhcp === true ? ' (DHCP)' : vi ? ' (tĩnh)' : ' (static)'}`).join(', ') || '-';
    const speed = i.speedMbps === undefined ? '' : ` ${i.speedMbps} Mb/s`;
    const wifi = i.wifi?.signalDbm === undefined ? '' : ` Wi-Fi ${i.wifi.signalDbm} dBm`;
    return `${i.name.padEnd(12)} ${i.kind.padEnd(8)} ${i.up ? (vi ? 'đang kết nối' : 'up') : vi ? 'mất kết nối' : 'down'}${speed}${wifi}  ${ips}  ${i.mac ?? ''}`;
  });
  lines.push(`Gateway: ${config.defaultGateway ?? (vi ? '(không có)' : '(none)')}`);
  lines.push(`DNS: ${config.dnsServers.join(', ') || (vi ? '(không có)' : '(none)')}`);
  lines.push(`Proxy: ${config.proxy.enabled ? (config.proxy.server ?? config.proxy.autoConfigUrl ?? '?') : vi ? 'không dùng' : 'none'}`);
  return lines;
}

/** Lines for a latency series. */
export function formatLatency(r: LatencyResult, lang: Lang): string[] {
  const vi = lang === 'vi';
  const samples = r.timesMs.map((t) => (t === null ? '×' : `${t}`)).join(' ');
  const stats = r.avgMs === undefined ? '' : ` min/avg/max ${r.minMs}/${r.avgMs}/${r.maxMs} ms`;
  return [`${r.host} (${r.method}): ${samples} — ${vi ? 'mất' : 'loss'} ${r.lossPercent}%${stats}`, ...(r.note === undefined ? [] : [r.note[lang]])];
}
