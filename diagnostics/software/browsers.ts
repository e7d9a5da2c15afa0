/** Probe `software.browsers`: Chrome, Edge, Cốc Cốc, Firefox and their versions. */
import { assertNever } from '../assert-never.js';
import { check, t, unknownFrom } from '../checks.js';
import type { CheckResult, Platform, Probe, ProbeContext } from '../types.js';
import { findInstalled, installedSoftware, type Installed } from './installed.js';

/** Known browsers: Windows DisplayName pattern, Debian package pattern. */
export const BROWSERS = [
  {
    id: 'chrome',
    name: 'Google Chrome',
    win: /^Google Chrome$/i,
    deb: /^(google-chrome-stable|chromium)$/,
  },
  { id: 'edge', name: 'Microsoft Edge', win: /^Microsoft Edge$/i, deb: /^microsoft-edge-stable$/ },
  { id: 'coccoc', name: 'Cốc Cốc', win: /^(C[ốo]c C[ốo]c|CocCoc)/i, deb: /^coccoc-browser$/ },
  { id: 'firefox', name: 'Mozilla Firefox', win: /^Mozilla Firefox/i, deb: /^firefox(-esr)?$/ },
] as const;

const meta = {
  id: 'software.browsers',
  area: 'software',
  title: t('Trình duyệt', 'Web browsers'),
} as const;

/** ok when at least one Chromium-based browser (needed by the signing plugins) is installed. */
export function evaluateBrowsers(list: readonly Installed[], windows: boolean): CheckResult {
  const found = BROWSERS.flatMap((b) => {
    const hit = findInstalled(list, windows ? b.win : b.deb);
    return hit ? [{ id: b.id, name: b.name, version: hit.version ?? '?' }] : [];
  });
  const chromium = found.some((b) => b.id !== 'firefox');
  const text = found.map((b) => `${b.name} ${b.version}`).join(', ');
  return check({
    ...meta,
    status: found.length === 0 ? 'fail' : chromium ? 'ok' : 'warn',
    detail:
      found.length === 0
        ? t('Không thấy trình duyệt nào đã biết.', 'No known browser found.')
        : t(`Có: ${text}.`, `Installed: ${text}.`),
    values: { browsers: found },
    ...(chromium
      ? {}
      : {
          fix: {
            text: t(
              'Cài Chrome, Edge hoặc Cốc Cốc: plugin ký số (VGCA, VNPT-CA) chạy trên các trình duyệt này.',
              'Install Chrome, Edge or Cốc Cốc: signing plugins (VGCA, VNPT-CA) work in them.',
            ),
            checklistId: 'fix-browser',
          },
        }),
  });
}

/** Whether the Windows browser advice applies. */
function isWindows(platform: Platform): boolean {
  switch (platform) {
    case 'win32':
      return true;
    case 'linux':
    case 'darwin':
      return false;
    default:
      return assertNever(platform);
  }
}

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  const list = await installedSoftware(ctx, signal);
  return [
    list.status === 'ok'
      ? evaluateBrowsers(list.data, isWindows(ctx.platform))
      : unknownFrom(meta, list),
  ];
}

/** The probe. */
export const browsersProbe: Probe = { ...meta, timeoutMs: 30_000, run };
