/**
 * Readable output of `xaso printers`.
 */
import type {
  PrinterInfo,
  RepairReport,
  TestPageResult,
} from '../../../diagnostics/printers/types.js';
import type { Lang } from '../../service/define.js';

/** Lines for one printer. */
export function formatPrinter(p: PrinterInfo, lang: Lang): string[] {
  const vi = lang === 'vi';
  const mark =
    p.faults.length === 0 ? '✔' : p.faults.some((f) => f.severity === 'fail') ? '✖' : '⚠';
  const flags = [
    p.isDefault === true ? (vi ? 'mặc định' : 'default') : '',
    p.shared === true ? (vi ? 'chia sẻ' : 'shared') : '',
  ].filter((f) => f !== '');
  const lines = [
    `${mark} ${p.name}${flags.length > 0 ? ` (${flags.join(', ')})` : ''} — ${p.state}${p.makeModel === undefined ? '' : `, ${p.makeModel}`}`,
  ];
  if (p.port !== undefined || p.driver !== undefined)
    lines.push(`   ${vi ? 'Cổng' : 'Port'}: ${p.port ?? '-'}   Driver: ${p.driver ?? '-'}`);
  for (const s of p.supplies ?? [])
    lines.push(`   ${s.name}: ${s.levelPercent < 0 ? '?' : `${s.levelPercent}%`}`);
  for (const s of p.wasteContainers ?? [])
    lines.push(
      `   ${s.name}: ${s.levelPercent < 0 ? '?' : vi ? `còn trống ${s.levelPercent}%` : `${s.levelPercent}% room left`}`,
    );
  if (p.jobs.length > 0)
    lines.push(
      `   ${vi ? 'Lệnh in đang chờ' : 'Waiting jobs'}: ${p.jobs.map((j) => `#${j.id} ${j.name ?? ''} (${j.state})`).join('; ')}`,
    );
  for (const f of p.faults)
    lines.push(`   ${f.severity === 'fail' ? '✖' : '⚠'} ${f.text[lang]} → ${f.fix[lang]}`);
  return lines;
}

/** Lines for a list of printers. */
export function formatPrinters(list: readonly PrinterInfo[], lang: Lang): string[] {
  if (list.length === 0)
    return [lang === 'vi' ? 'Máy này chưa cài máy in nào.' : 'No printer is installed.'];
  return list.flatMap((p) => formatPrinter(p, lang));
}

/** Lines for a test page. */
export function formatTestPage(r: TestPageResult, lang: Lang): string[] {
  return [
    `${r.outcome === 'completed' ? '✔' : '✖'} ${r.detail[lang]} (${(r.durationMs / 1000).toFixed(1)} s)`,
  ];
}

/** Lines for a repair account. */
export function formatRepair(r: RepairReport, lang: Lang): string[] {
  const vi = lang === 'vi';
  const lines = r.actions.map(
    (a) =>
      `${a.ok ? '✔' : '✖'} ${a.what[lang]}${a.detail === undefined || a.detail === '' ? '' : ` — ${a.detail}`}`,
  );
  if (r.jobsBefore !== undefined)
    lines.push(
      vi
        ? `Lệnh in: trước ${r.jobsBefore}, sau ${r.jobsAfter ?? '?'}`
        : `Jobs: ${r.jobsBefore} before, ${r.jobsAfter ?? '?'} after`,
    );
  return lines;
}
