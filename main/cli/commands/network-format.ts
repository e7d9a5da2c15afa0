/**
 * Readable output of `xaso network`: the verdict first, then each rung, then each site.
 */
import type {
  LadderResult,
  LatencyResult,
  NetworkConfig,
  SignalLevel,
  WifiInfo,
} from '../../../diagnostics/network/types.js';
import { signalFigure } from '../../../diagnostics/network/wifi-signal.js';
import type { Lang } from '../../service/define.js';
import { STATUS_WORDS } from '../status-words.js';

/** Lines for a ladder result. */
export function formatLadder(result: LadderResult, lang: Lang): string[] {
  const lines = [result.verdict[lang], ''];
  result.rungs.forEach((rung, index) => {
    lines.push(
      `${index + 1}. ${STATUS_WORDS[rung.status][lang].padEnd(12)} ${rung.title[lang]}: ${rung.detail[lang]}`,
    );
    if (rung.fix !== undefined && rung.status !== 'ok')
      lines.push(`   ${' '.repeat(12)} → ${rung.fix[lang]}`);
  });
  if (result.endpoints.length > 0) lines.push('');
  for (const e of result.endpoints) {
    const phases = [
      e.dnsMs === undefined ? '' : `DNS ${e.dnsMs}`,
      e.tcpMs === undefined ? '' : `TCP ${e.tcpMs}`,
      e.tlsMs === undefined ? '' : `TLS ${e.tlsMs}`,
      e.httpMs === undefined ? '' : `HTTP ${e.httpStatus ?? '?'} @${e.httpMs}`,
    ]
      .filter((p) => p !== '')
      .join(', ');
    lines.push(
      `   ${STATUS_WORDS[e.status][lang].padEnd(12)} ${e.name[lang]} — ${e.explanation[lang]}${phases === '' ? '' : ` [${phases} ms]`}`,
    );
  }
  return lines;
}

const LEVEL_WORDS: Readonly<Record<SignalLevel, Readonly<Record<Lang, string>>>> = {
  strong: { vi: 'mạnh', en: 'strong' },
  fair: { vi: 'khá', en: 'fair' },
  weak: { vi: 'yếu', en: 'weak' },
};

/** The Wi-Fi line of an interface: SSID, band/channel, signal word + figures, or why it is unknown. */
export function formatWifi(w: WifiInfo, lang: Lang): string {
  const vi = lang === 'vi';
  if (w.unavailable === 'location-permission') {
    return vi
      ? 'Wi-Fi: không đọc được sóng vì Windows đang tắt quyền Vị trí cho ứng dụng (không phải mất Wi-Fi). Bật: Settings → Privacy & security → Location → Let desktop apps access your location.'
      : 'Wi-Fi: signal unknown because location permission is off (this is not "no Wi-Fi"). Turn on: Settings → Privacy & security → Location → Let desktop apps access your location.';
  }
  if (w.unavailable === 'locked-down') {
    return vi
      ? 'Wi-Fi: máy đang bị khoá theo chính sách bảo mật (AppLocker/WDAC) nên Xã Số không đọc được độ mạnh sóng; các thông tin mạng khác vẫn đủ. Xem độ mạnh sóng ở biểu tượng Wi-Fi trên thanh tác vụ.'
      : 'Wi-Fi: this PC is locked down by security policy (AppLocker/WDAC), so Xã Số cannot read the signal strength; the other network facts are complete. See the Wi-Fi icon on the taskbar for the signal.';
  }
  if (w.unavailable === 'wlan-error')
    return vi
      ? `Wi-Fi: không đọc được sóng (${w.unavailableDetail ?? '?'}).`
      : `Wi-Fi: could not read the signal (${w.unavailableDetail ?? '?'}).`;
  const ssid = w.ssid === undefined ? '' : ` "${w.ssid}"`;
  const band = [
    w.band,
    w.channel === undefined ? undefined : `${vi ? 'kênh' : 'channel'} ${w.channel}`,
    w.phy,
  ]
    .filter((x) => x !== undefined)
    .join(', ');
  const level =
    w.level === undefined ? '' : `${vi ? 'sóng' : 'signal'} ${LEVEL_WORDS[w.level][lang]} `;
  const estimate =
    w.estimated === true
      ? vi
        ? ' (dBm ước tính từ chất lượng sóng)'
        : ' (dBm estimated from the signal quality)'
      : '';
  return `Wi-Fi${ssid}${band === '' ? '' : ` ${band}`}: ${level}${signalFigure(w)}${estimate}`;
}

/** Lines for the interfaces. */
export function formatConfig(config: NetworkConfig, lang: Lang): string[] {
  const vi = lang === 'vi';
  const lines = config.interfaces
    .filter((i) => i.kind !== 'loopback')
    .map((i) => {
      const ips =
        i.ipv4
          .map(
            (a) =>
              `${a.address}/${a.prefix}${a.dhcp === true ? ' (DHCP)' : vi ? ' (tĩnh)' : ' (static)'}`,
          )
          .join(', ') || '-';
      const speed = i.speedMbps === undefined ? '' : ` ${i.speedMbps} Mb/s`;
      const line = `${i.name.padEnd(12)} ${i.kind.padEnd(8)} ${i.up ? (vi ? 'đang kết nối' : 'up') : vi ? 'mất kết nối' : 'down'}${speed}  ${ips}  ${i.mac ?? ''}`;
      return i.wifi === undefined ? [line] : [line, `${' '.repeat(13)}${formatWifi(i.wifi, lang)}`];
    })
    .flat();
  lines.push(`Gateway: ${config.defaultGateway ?? (vi ? '(không có)' : '(none)')}`);
  lines.push(`DNS: ${config.dnsServers.join(', ') || (vi ? '(không có)' : '(none)')}`);
  lines.push(
    `Proxy: ${config.proxy.enabled ? (config.proxy.server ?? config.proxy.autoConfigUrl ?? '?') : vi ? 'không dùng' : 'none'}`,
  );
  return lines;
}

/** Lines for a latency series. */
export function formatLatency(r: LatencyResult, lang: Lang): string[] {
  const vi = lang === 'vi';
  const samples = r.timesMs.map((t) => (t === null ? '×' : `${t}`)).join(' ');
  const stats = r.avgMs === undefined ? '' : ` min/avg/max ${r.minMs}/${r.avgMs}/${r.maxMs} ms`;
  return [
    `${r.host} (${r.method}): ${samples} — ${vi ? 'mất' : 'loss'} ${r.lossPercent}%${stats}`,
    ...(r.note === undefined ? [] : [r.note[lang]]),
  ];
}
