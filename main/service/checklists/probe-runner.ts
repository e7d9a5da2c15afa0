/**
 * Runs the probe behind an automatic check step through the diagnostics library
 * (`runSweep(ctx, { probes: [thatProbe] })`), so a step sees exactly what a sweep would: a probe
 * that hangs, throws or meets garbage becomes an `unknown` check, never a pass.
 */
import { createHostContext, machineIdentity, probes as registry, runSweep } from '../../../diagnostics/index.js';
import type { CheckResult, HostContext, Probe, ProbeSettings } from '../../../diagnostics/types.js';

/** What the checklists domain needs from diagnostics (tests pass their own). */
export type ProbeRunner = Readonly<{
  /** Ids of every probe that can run. */
  probeIds: () => ReadonlySet<string>;
  /** Runs one probe; `onCheck` sees each check as its probe finishes. */
  run: (
    probeId: string,
    options: Readonly<{ signal: AbortSignal; onCheck?: (check: CheckResult) => void }>,
  ) => Promise<readonly CheckResult[]>;
  /** This PC's hardware fingerprint (survives a Windows reinstall); `undefined` if unreadable. */
  fingerprint: () => Promise<string | undefined>;
}>;

/**
 * A runner over `probes` (default: the registry) on `host` (default: this machine). `host` lives
 * as long as the service: each run and each fingerprint sees its own copy, so per-sweep caches
 * (the Windows facts batch) never serve an earlier run's facts. `dataSettings` (the root list of
 * the data folder and the province pack) is read before each run; the host's own settings win.
 */
export function createProbeRunner(
  probes: readonly Probe[] = registry,
  host: HostContext = createHostContext(),
  dataSettings: () => Promise<ProbeSettings> = () => Promise.resolve({}),
): ProbeRunner {
  return {
    probeIds: () => new Set(probes.map((p) => p.id)),
    async run(probeId, { signal, onCheck }) {
      const selected = probes.filter((p) => p.id === probeId);
      const settings = { ...(await dataSettings()), ...host.settings };
      const result = await runSweep({ ...host, settings }, {
        probes: selected,
        signal,
        onProgress: (event) => {
          if (event.event === 'probe-finished') for (const check of event.checks ?? []) onCheck?.(check);
        },
      });
      return result.checks;
    },
    async fingerprint() {
      try {
        return (await machineIdentity({ ...host }, { signal: AbortSignal.timeout(15_000) })).fingerprint;
      } catch {
        return undefined;
      }
    },
  };
}
