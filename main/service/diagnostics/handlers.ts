import {
  probes as registeredProbes,
  selectProbes,
  takeSnapshot,
  type Probe,
  type SweepProgress,
} from '../../../diagnostics/index.js';
import type { Handlers } from '../define.js';
import type { ServiceEnv } from '../env.js';
import { ServiceError } from '../errors.js';
import type { diagnosticsContract, DiagnosticsProgressData } from './contract.js';
import { readCaFiles } from '../request-files.js';
import { withNetworkSettings } from './network-settings.js';

function checkOnly(only: readonly string[] | undefined, all: readonly Probe[]): void {
  const bad = (only ?? []).filter((name) => selectProbes(all, [name]).length === 0);
  if (bad.length === 0) return;
  const known = [...new Set(all.map((p) => p.area))].join(', ');
  const issue = { vi: 'không có vùng này', en: 'no such area' };
  throw new ServiceError(
    'invalid-request',
    {
      vi: `Không có vùng hay bước kiểm tra nào tên: ${bad.join(', ')} (các vùng: ${known}).`,
      en: `No area or check named: ${bad.join(', ')} (areas: ${known}).`,
    },
    { issues: [{ path: 'only', message: issue }] },
  );
}

function label(e: SweepProgress): { vi: string; en: string } {
  return e.event === 'probe-started'
    ? { vi: `Đang kiểm tra: ${e.title.vi}`, en: `Checking: ${e.title.en}` }
    : { vi: `Xong: ${e.title.vi}`, en: `Done: ${e.title.en}` };
}

/**
 * Handlers of the `diagnostics:*` channels: the probes of `env.diagnostics` (default: the
 * registry) on `env.host`. `takeSnapshot` gives each sweep its own copy of the host.
 */
export function diagnosticsHandlers(env: ServiceEnv): Handlers<typeof diagnosticsContract> {
  const all = (): readonly Probe[] => env.diagnostics?.probes ?? registeredProbes;
  return {
    'diagnostics:run': async (request, { progress, signal }) => {
      checkOnly(request.only, all());
      const fromFiles = await readCaFiles(env, request.caFiles);
      const ca = fromFiles === undefined ? request.ca : [...(request.ca ?? []), ...fromFiles];
      const ctx = await withNetworkSettings(env.host, env, ca);
      const snapshot = await takeSnapshot(ctx, {
        probes: all(),
        signal,
        ...(request.only === undefined ? {} : { only: request.only }),
        ...(request.assetTag === undefined ? {} : { assetTag: request.assetTag }),
        onProgress: (e) => {
          const data: DiagnosticsProgressData = {
            probeId: e.probeId,
            area: e.area,
            title: e.title,
            done: e.done,
            total: e.total,
            ...(e.checks === undefined ? {} : { checks: e.checks }),
          };
          progress({ percent: e.percent, label: label(e), event: e.event, data });
        },
      });
      if (signal.aborted)
        throw new ServiceError('cancelled', {
          vi: 'Đã huỷ chẩn đoán.',
          en: 'Diagnosis cancelled.',
        });
      return snapshot;
    },
    'diagnostics:probes': async () =>
      all().map((p) => ({ id: p.id, area: p.area, title: p.title, timeoutMs: p.timeoutMs })),
  };
}
