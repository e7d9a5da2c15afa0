/**
 * Readable output of `xaso scan`: one line per device, Vietnamese first.
 */
import type { DeviceType, ScanResult } from '../../../diagnostics/scan/types.js';
import type { Lang } from '../../service/define.js';

const TYPES: Readonly<Record<DeviceType, { vi: string; en: string }>> = {
  printer: { vi: 'máy in', en: 'printer' },
  router: { vi: 'bộ định tuyến', en: 'router' },
  pc: { vi: 'máy tính', en: 'PC' },
  camera: { vi: 'camera', en: 'camera' },
  unknown: { vi: 'chưa rõ', en: 'unknown' },
};

/** Name of a device type in `lang`. */
export function deviceTypeName(type: DeviceType, lang: Lang): string {
  return TYPES[type][lang];
}

/** Lines for a scan result. */
export function formatScan(result: ScanResult, lang: Lang): string[] {
  const vi = lang === 'vi';
  const head = vi
    ? `Đã quét ${result.ranges.join(', ')} (${result.addressesScanned} địa chỉ) trong ${(result.durationMs / 1000).toFixed(1)} giây: thấy ${result.hosts.length} thiết bị${result.cancelled ? ' (đã huỷ giữa chừng)' : ''}.`
    : `Scanned ${result.ranges.join(', ')} (${result.addressesScanned} addresses) in ${(result.durationMs / 1000).toFixed(1)} s: ${result.hosts.length} devices${result.cancelled ? ' (cancelled part-way)' : ''}.`;
  const rows = result.hosts.map((h) => {
    const marks = [
      h.self === true ? (vi ? 'máy này' : 'this PC') : '',
      h.gateway === true ? 'gateway' : '',
    ].filter((m) => m !== '');
    const ports = h.openPorts.length === 0 ? '-' : h.openPorts.join(',');
    return [
      h.ip.padEnd(15),
      deviceTypeName(h.deviceType, lang).padEnd(14),
      (h.mac ?? '-').padEnd(17),
      (h.vendor ?? '-').padEnd(12),
      `${vi ? 'cổng' : 'ports'} ${ports}`.padEnd(22),
      `${h.hostname ?? ''}${h.netbios?.workgroup === undefined ? '' : ` [${h.netbios.workgroup}]`}`,
      marks.length > 0 ? `(${marks.join(', ')})` : '',
    ]
      .join(' ')
      .trimEnd();
  });
  const notes = result.notes.map((n) => `! ${n[lang]}`);
  return [head, ...rows, ...notes];
}
