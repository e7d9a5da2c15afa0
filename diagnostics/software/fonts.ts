/**
 * Probe `software.fonts`: Times New Roman (NĐ 30/2020 Phụ lục I) and the legacy .Vn (TCVN3) and
 * VNI- fonts old documents need (DOMAIN.md §6). Windows: Fonts registry value names; Linux: `fc-list`.
 */
import { assertNever } from '../assert-never.js';
import { check, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext, ProbeResult } from '../types.js';
import { readLinuxFonts } from './fonts-linux.js';
import { readWin32Fonts } from './fonts-win32.js';

export { parseWindowsFonts } from './fonts-win32.js';
export { parseFcList } from './fonts-linux.js';

const meta = {
  id: 'software.fonts',
  area: 'software',
  title: t('Phông chữ văn bản hành chính', 'Fonts for official documents'),
} as const;

/** fail without Times New Roman; warn without any .Vn or VNI- font. */
export function evaluateFonts(families: readonly string[]): CheckResult {
  const tnr = families.some((f) => /^Times New Roman\b/i.test(f));
  const vn = families.filter((f) => /^\.Vn/i.test(f));
  const vni = families.filter((f) => /^VNI[- ]/i.test(f));
  const values = {
    timesNewRoman: tnr,
    vnFonts: vn.length,
    vniFonts: vni.length,
    families: families.length,
  };
  if (!tnr)
    return check({
      ...meta,
      status: 'fail',
      values,
      detail: t(
        'Thiếu phông Times New Roman — bắt buộc cho văn bản hành chính (NĐ 30/2020/NĐ-CP).',
        'Times New Roman is missing — required for official documents (Decree 30/2020).',
      ),
      fix: {
        text: t(
          'Cài phông Times New Roman (gói phông Windows / Microsoft core fonts).',
          'Install Times New Roman (Windows fonts / Microsoft core fonts).',
        ),
        checklistId: 'fix-fonts',
      },
    });
  if (vn.length === 0 || vni.length === 0)
    return check({
      ...meta,
      status: 'warn',
      values,
      detail: t(
        `Có Times New Roman. Thiếu phông cũ ${vn.length === 0 ? '.Vn (TCVN3)' : ''}${vn.length === 0 && vni.length === 0 ? ' và ' : ''}${vni.length === 0 ? 'VNI' : ''}: văn bản cũ sẽ hiện lỗi phông.`,
        `Times New Roman present. Legacy ${vn.length === 0 ? '.Vn (TCVN3)' : ''}${vn.length === 0 && vni.length === 0 ? ' and ' : ''}${vni.length === 0 ? 'VNI' : ''} fonts missing: old documents will show garbled text.`,
      ),
      fix: {
        text: t(
          'Cài bộ phông .Vn/VNI, hoặc chuyển văn bản cũ sang Unicode bằng Unikey Toolkit.',
          'Install the .Vn/VNI fonts, or convert old documents to Unicode with the Unikey toolkit.',
        ),
        checklistId: 'fix-fonts',
      },
    });
  return check({
    ...meta,
    status: 'ok',
    values,
    detail: t(
      `Có Times New Roman, ${vn.length} phông .Vn và ${vni.length} phông VNI.`,
      `Times New Roman, ${vn.length} .Vn and ${vni.length} VNI fonts installed.`,
    ),
  });
}

/** The font families of `ctx.platform`. */
function readFonts(ctx: ProbeContext, signal: AbortSignal): Promise<ProbeResult<string[]>> {
  switch (ctx.platform) {
    case 'win32':
      return readWin32Fonts(ctx, signal);
    case 'linux':
    case 'darwin':
      return readLinuxFonts(ctx, signal);
    default:
      return assertNever(ctx.platform);
  }
}

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  const families = await readFonts(ctx, signal);
  return [families.status === 'ok' ? evaluateFonts(families.data) : unknownFrom(meta, families)];
}

/** The probe. */
export const fontsProbe: Probe = { ...meta, timeoutMs: 15_000, run };
