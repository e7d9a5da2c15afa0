/** Readable text of a machine snapshot for `xaso diagnose` (Vietnamese first). */
import type {
  Area,
  CheckResult,
  CheckStatus,
  MachineSnapshot,
} from '../../../diagnostics/types.js';
import type { Lang } from '../../service/define.js';
import { STATUS_WORDS } from '../status-words.js';

const AREAS: Readonly<Record<Area, Readonly<Record<Lang, string>>>> = {
  hardware: { vi: 'Phần cứng', en: 'Hardware' },
  os: { vi: 'Hệ điều hành', en: 'Operating system' },
  software: { vi: 'Phần mềm', en: 'Software' },
  signature: { vi: 'Ký số', en: 'Digital signature' },
  network: { vi: 'Mạng', en: 'Network' },
  printers: { vi: 'Máy in', en: 'Printers' },
};

/** The verdict line: ready, or how many problems. */
export function verdictLine(snapshot: MachineSnapshot, lang: Lang): string {
  const { fail, warn, unknown } = snapshot.summary;
  const problems = fail + warn;
  const unk =
    unknown > 0
      ? lang === 'vi'
        ? `; ${unknown} mục chưa kiểm tra được`
        : `; ${unknown} could not be checked`
      : '';
  if (problems === 0)
    return lang === 'vi'
      ? `Máy này sẵn sàng: không có vấn đề nào${unk}.`
      : `This PC is ready: no problems${unk}.`;
  return lang === 'vi'
    ? `${problems} vấn đề cần xử lý (${fail} lỗi, ${warn} cảnh báo)${unk}.`
    : `${problems} problem(s) to fix (${fail} failing, ${warn} warnings)${unk}.`;
}

/** A progress line for stderr. */
export function progressLine(percent: number | undefined, label: string): string {
  return `[${String(percent ?? 0).padStart(3)}%] ${label}`;
}

function checkLines(check: CheckResult, lang: Lang, width: number): string[] {
  const lines = [
    `  ${STATUS_WORDS[check.status][lang].padEnd(width)}  ${check.title[lang]} — ${check.detail[lang]}`,
  ];
  if (check.fix && check.status !== 'ok')
    lines.push(`  ${' '.repeat(width)}  → ${check.fix.text[lang]}`);
  return lines;
}

/** The whole report: header, verdict, then checks grouped by area, problems first. */
export function formatSnapshot(snapshot: MachineSnapshot, lang: Lang): string[] {
  const m = snapshot.machine;
  const width = Math.max(...Object.values(STATUS_WORDS).map((w) => w[lang].length));
  const rank: Readonly<Record<CheckStatus, number>> = { fail: 0, warn: 1, unknown: 2, ok: 3 };
  const lines = [
    `${m.hostname}${m.assetTag ? ` [${m.assetTag}]` : ''} — ${snapshot.osName}`,
    `${lang === 'vi' ? 'Mã máy' : 'Machine id'}: ${m.fingerprint}${m.manufacturer ? ` · ${m.manufacturer} ${m.model ?? ''}`.trimEnd() : ''} · ${(snapshot.durationMs / 1000).toFixed(1)} s`,
    '',
    verdictLine(snapshot, lang),
  ];
  for (const area of Object.keys(AREAS) as Area[]) {
    const checks = snapshot.checks
      .filter((c) => c.area === area)
      .sort((a, b) => rank[a.status] - rank[b.status]);
    if (checks.length === 0) continue;
    lines.push('', `${AREAS[area][lang]}:`);
    for (const check of checks) lines.push(...checkLines(check, lang, width));
  }
  return lines;
}
