/**
 * Probe `software.fonts`: Times New Roman (NĐ 30/2020 Phụ lục I) and the legacy .Vn (TCVN3) and
 * VNI- fonts old documents need (DOMAIN.md §6). Windows: Fonts registry value names; Linux: `fc-list`.
 */
import { check, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray } from '../windows/powershell.js';

/** Parses the `fonts` section: registry value names such as "Times New Roman (TrueType)". */
export function parseWindowsFonts(section: unknown): string[] {
  return asArray(section)
    .filter((n): n is string => typeof n === 'string')
    .map((n) => n.replace(/\s*\((TrueType|OpenType|All res)\)\s*$/i, '').trim());
}

/**
 * Parses `fc-list : family` (one or more comma-separated families per line). Output with
 * control characters is not a font list: undefined (the check becomes `unknown`).
 */
export function parseFcList(text: string): string[] | undefined {
  if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text)) return undefined;
  return [
    ...new Set(
      text
        .split('\n')
        .flatMap((l) => l.split(','))
        .map((f) => f.trim())
        .filter((f) => f !== ''),
    ),
  ];
}

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
        checklistId: 'install-fonts',
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
        checklistId: 'install-fonts',
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

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  if (ctx.platform === 'win32') {
    const section = await windowsSection(ctx, 'fonts', signal);
    return [
      section.status === 'ok'
        ? evaluateFonts(parseWindowsFonts(section.data))
        : unknownFrom(meta, section),
    ];
  }
  try {
    const out = await ctx.run('fc-list', [':', 'family'], {
      timeoutMs: 8000,
      signal,
      maxBytes: 2 * 1024 * 1024,
    });
    if (out.truncated)
      return [unknownFrom(meta, { status: 'failed', reason: 'fc-list printed more than 2 MB' })];
    if (out.exitCode !== 0)
      return [
        unknownFrom(meta, {
          status: 'failed',
          reason: `fc-list exited with ${String(out.exitCode)}`,
        }),
      ];
    const families = parseFcList(out.stdout);
    return [
      families
        ? evaluateFonts(families)
        : unknownFrom(meta, {
            status: 'failed',
            reason: 'fc-list printed something that is not a font list',
          }),
    ];
  } catch (error) {
    return [
      unknownFrom(meta, {
        status: 'unavailable',
        reason: `fc-list: ${error instanceof Error ? error.message : String(error)}`,
      }),
    ];
  }
}

/** The probe. */
export const fontsProbe: Probe = { ...meta, timeoutMs: 15_000, run };
