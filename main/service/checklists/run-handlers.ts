/**
 * Handlers of the run channels. Each change loads the run, applies one pure action, settles the
 * status and saves atomically before answering, so the file on disk is always the last step.
 * Changes to one run are serialised inside the process.
 */
import { randomUUID } from 'node:crypto';

import type { Handlers } from '../define.js';
import { ServiceError } from '../errors.js';
import { addEvidence, answerStep, overrideStep, recordCheck, signOffRun } from './actions.js';
import type { checklistsContract } from './contract.js';
import type { ChecklistsDeps } from './deps.js';
import { settle, viewRun } from './engine.js';
import { findEntry, loadLibrary } from './library.js';
import type { Run, RunView } from './run-model.js';
import { listRuns, loadRun, saveRun } from './run-store.js';
import type { Step } from './schema.js';
import { toRunSummary } from './to-summary.js';
import { provinceFirst, withRoots } from '../province/derive.js';
import { addedRoots } from '../province/settings.js';
import { readPack } from '../province/store.js';

type RunChannels = Exclude<keyof typeof checklistsContract, 'checklists:list' | 'checklists:get' | 'checklists:validate' | 'checklists:import'>;

/** Facts the service measures about this PC for conditions: OS, architecture, 32/64-bit. */
export function measuredFacts(env: ChecklistsDeps['env'], processEnv: Readonly<Record<string, string | undefined>> = env.host.env): Record<string, string> {
  const wow64 = processEnv['PROCESSOR_ARCHITEW6432'] !== undefined;
  const bits = env.arch === 'ia32' || env.arch === 'arm' ? (wow64 ? '64' : '32') : '64';
  return { platform: env.platform, arch: env.arch, bits };
}

function stepOf(run: Run, stepId: string): Step {
  const step = run.checklist.steps.find((s) => s.id === stepId);
  if (step === undefined) throw new ServiceError('not-found', { vi: `Không có bước "${stepId}".`, en: `No step "${stepId}".` });
  return step;
}

/** A run takes changes until it is abandoned or signed off (a signature vouches for what it saw). */
function assertOpen(run: Run): void {
  if (run.status === 'abandoned') {
    throw new ServiceError('conflict', { vi: 'Lượt làm này đã bị bỏ dở.', en: 'This run was abandoned.' });
  }
  if (run.signOff !== undefined) {
    throw new ServiceError('conflict', {
      vi: 'Lượt làm này đã được ký xác nhận nên không sửa được nữa. Hãy bắt đầu lượt mới.',
      en: 'This run was signed off and can no longer change. Start a new run.',
    });
  }
}

/** The run handlers. */
export function runHandlers(deps: ChecklistsDeps): Pick<Handlers<typeof checklistsContract>, RunChannels> {
  const { env, runner } = deps;
  const locks = new Map<string, Promise<unknown>>();
  const now = (): string => env.now().toISOString();
  const view = (run: Run): RunView => viewRun(run, runner.probeIds());

  /** Loads, changes (maybe asynchronously), settles and saves one run, one change at a time. */
  function change(runId: string, apply: (run: Run) => Run | Promise<Run>): Promise<RunView> {
    const previous = locks.get(runId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => {
      const run = await loadRun(env.dataDir, runId);
      assertOpen(run);
      const changed = settle(await apply(run), runner.probeIds(), now());
      return view(await saveRun(env.dataDir, changed, now()));
    });
    locks.set(runId, next);
    void next.finally(() => locks.get(runId) === next && locks.delete(runId)).catch(() => undefined);
    return next;
  }

  return {
    'checklists:start-run': async ({ checklistId, machineFingerprint }) => {
      const library = await loadLibrary(deps.builtinDir, env.dataDir, runner.probeIds());
      const entry = findEntry(library, checklistId);
      if (entry === undefined) throw new ServiceError('not-found', { vi: `Không có danh mục "${checklistId}".`, en: `No checklist "${checklistId}".` });
      // A run about this PC remembers which PC (a visit matches it to the machine's snapshots);
      // VNeID tasks concern a citizen's phone, not the PC.
      const fingerprint = machineFingerprint ?? (entry.checklist.task === 'vneid' ? undefined : await runner.fingerprint());
      const at = now();
      const run: Run = {
        schema: 1,
        runId: `${at.slice(0, 10)}-${randomUUID()}`,
        // The province's own CAs first in the CA question, and the root list in use for the
        // root-file checks (the run keeps what it started with).
        checklist: withRoots(provinceFirst(entry.checklist, (await readPack(env.dataDir))?.pack), await addedRoots(env)),
        status: 'in-progress',
        startedAt: at,
        updatedAt: at,
        revision: 0,
        facts: measuredFacts(env),
        ...(fingerprint === undefined ? {} : { machineFingerprint: fingerprint }),
        steps: {},
      };
      return view(await saveRun(env.dataDir, settle(run, runner.probeIds(), at), at));
    },
    'checklists:get-run': async ({ runId }) => view(await loadRun(env.dataDir, runId)),
    'checklists:summary': async ({ runId }) => toRunSummary(view(await loadRun(env.dataDir, runId))),
    'checklists:list-runs': async ({ checklistId, status }) =>
      (await listRuns(env.dataDir))
        .filter((r) => (checklistId === undefined || r.checklist.id === checklistId) && (status === undefined || r.status === status))
        .map((r) => ({
          runId: r.runId,
          checklistId: r.checklist.id,
          title: r.checklist.title,
          status: r.status,
          startedAt: r.startedAt,
          updatedAt: r.updatedAt,
          progress: view(r).progress,
        })),
    'checklists:answer': ({ runId, stepId, value, note, followUp }) =>
      change(runId, (run) => answerStep(run, stepOf(run, stepId), value, { note, followUp }, runner.probeIds(), now())),
    'checklists:override': ({ runId, stepId, reason, note, followUp }) =>
      change(runId, (run) => overrideStep(run, stepOf(run, stepId), reason, { note, followUp })),
    'checklists:add-evidence': ({ runId, stepId, photo, note, followUp }) =>
      change(runId, (run) => addEvidence(run, stepOf(run, stepId), photo, { note, followUp }, now())),
    'checklists:sign-off': ({ runId, name, position, signaturePng, method }) =>
      change(runId, (run) => signOffRun(run, { name, position, signaturePng, method }, view(run).readyForSignOff, now())),
    'checklists:abandon': ({ runId }) =>
      change(runId, (run) => ({ ...run, status: 'abandoned', finishedAt: now() })),
    'checklists:run-check': ({ runId, stepId }, { progress, signal }) =>
      change(runId, async (run) => {
        const step = stepOf(run, stepId);
        if (step.kind !== 'check') throw new ServiceError('invalid-request', { vi: 'Bước này không có phép kiểm tra tự động.', en: 'This step has no automatic check.' });
        if (!runner.probeIds().has(step.probe)) {
          throw new ServiceError('unavailable', {
            vi: `Chưa có phép đo "${step.probe}" trong bản Xã Số này: hãy kiểm tra bằng tay và trả lời có/không.`,
            en: `This Xã Số has no probe "${step.probe}" yet: check by hand and answer yes/no.`,
          });
        }
        progress({ event: 'check-started', label: step.title, data: { stepId, probe: step.probe } });
        const checks = await runner.run(step.probe, { signal, onCheck: (check) => progress({ event: 'check', label: check.title, data: check }) });
        if (signal.aborted) throw new ServiceError('cancelled', { vi: 'Đã huỷ phép kiểm tra.', en: 'Check cancelled.' });
        return recordCheck(run, step, checks, now());
      }),
  };
}
