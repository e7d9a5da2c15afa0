import { promises as fs } from 'node:fs';
import { readSettings, writeSettings } from '../app/settings.js';

import type { Handlers } from '../define.js';
import type { ServiceEnv } from '../env.js';
import { ServiceError } from '../errors.js';
import { assertDoorPath } from '../request-files.js';
import { diffSnapshots } from './changes.js';
import type { visitsContract } from './contract.js';
import { historyVisits, listVisits } from './list-index.js';
import { carriedOpenItems, communeKey, findPreviousSighting, historyDirs } from './history.js';
import type { VisitFields, VisitMachine } from './schema.js';
import {
  loadVisit,
  modifyVisit,
  newVisit,
  saveVisit,
  visitFile,
  visitsDir,
  withFileLock,
} from './store.js';

/** Today as YYYY-MM-DD in local time. */
function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/** Drops keys whose value is undefined (zod's partial output allows them; our types don't). */
function definedOnly<T extends object>(value: T): Defined<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Defined<T>;
}

function withDefaults(
  env: ServiceEnv,
  fields: Partial<VisitFields> & Pick<VisitFields, 'commune'>,
): VisitFields {
  return {
    office: '',
    onSite: { date: localDate(env.now()) },
    interns: [],
    problems: [],
    fixes: [],
    openItems: [],
    peopleHelped: [],
    photos: [],
    ...fields,
  };
}

async function createVisit(
  env: ServiceEnv,
  fields: Parameters<typeof withDefaults>[1],
  target?: string,
) {
  // A new file outside the data folder only from the CLI (a renderer script may not drop files).
  if (target !== undefined) await assertDoorPath(env, 'file', target);
  const draft = newVisit(env, withDefaults(env, fields));
  const file = visitFile(env, target === undefined ? { id: draft.id } : { file: target });
  return withFileLock(file, async () => {
    if (
      await fs.stat(file).then(
        () => true,
        () => false,
      )
    ) {
      throw new ServiceError('conflict', {
        vi: `Tệp đã có, không ghi đè: ${file}`,
        en: `File exists, not overwritten: ${file}`,
      });
    }
    const history = await historyVisits(env, historyDirs(visitsDir(env), file), {
      communeKey: communeKey(draft),
    });
    const carried = carriedOpenItems(history, draft);
    const known = new Set(draft.openItems.map((item) => item.id));
    const visit = {
      ...draft,
      openItems: [...carried.filter((item) => !known.has(item.id)), ...draft.openItems],
    };
    return { visit: await saveVisit(env, file, visit), file };
  });
}

/**
 * The asset tag of the snapshot's PC: the one given with this diagnosis (then remembered by
 * hardware fingerprint in the data folder's settings), else the one remembered. Asked once.
 */
async function assetTagFor(
  env: ServiceEnv,
  snapshot: VisitMachine['snapshot'],
): Promise<string | undefined> {
  const fingerprint = snapshot.machine.fingerprint;
  const given = snapshot.machine.assetTag?.trim();
  // A damaged settings file must not stop the visit: the tag is then only what was given.
  const settings = await readSettings(env.dataDir).catch(() => undefined);
  if (given !== undefined && given !== '') {
    if (settings !== undefined && settings.assetTags[fingerprint] !== given)
      await writeSettings(env.dataDir, {
        ...settings,
        assetTags: { ...settings.assetTags, [fingerprint]: given },
      });
    return given;
  }
  return settings?.assetTags[fingerprint];
}

async function addSnapshot(
  env: ServiceEnv,
  ref: Parameters<typeof visitFile>[1],
  snapshot: VisitMachine['snapshot'],
) {
  let machine: VisitMachine | undefined;
  let replaced = false;
  const file = visitFile(env, ref);
  const tag = await assetTagFor(env, snapshot);
  const visit = await modifyVisit(env, ref, async (current) => {
    // Only the visits that saw this machine are read (list-index.ts), not every visit.
    // Re-diagnosing a PC keeps what the intern wrote about it (room, user, asset tag).
    const earlier = current.machines.find(
      (m) => m.snapshot.machine.fingerprint === snapshot.machine.fingerprint,
    );
    const assetTag = tag ?? earlier?.assetTag;
    const history = await historyVisits(env, historyDirs(visitsDir(env), file), {
      fingerprint: snapshot.machine.fingerprint,
      ...(assetTag === undefined ? {} : { assetTag }),
    });
    const previous = findPreviousSighting(history, current, snapshot.machine.fingerprint, assetTag);
    machine = {
      snapshot,
      addedAt: env.now().toISOString(),
      ...(assetTag === undefined ? {} : { assetTag }),
      ...(earlier?.room === undefined ? {} : { room: earlier.room }),
      ...(earlier?.user === undefined ? {} : { user: earlier.user }),
      ...(previous === undefined ? {} : { changes: diffSnapshots(previous, snapshot) }),
    };
    const others = current.machines.filter(
      (m) => m.snapshot.machine.fingerprint !== snapshot.machine.fingerprint,
    );
    replaced = others.length !== current.machines.length;
    return { ...current, machines: [...others, machine] };
  });
  return { visit, file, machine: machine!, seenBefore: machine!.changes !== undefined, replaced };
}

/** Handlers of the `visits:*` channels. */
export function visitsHandlers(env: ServiceEnv): Handlers<typeof visitsContract> {
  return {
    'visits:create': async ({ fields, file }) =>
      createVisit(env, { ...definedOnly(fields), commune: fields.commune }, file),
    'visits:get': async ({ ref }) => loadVisit(env, ref),
    'visits:open-file': async ({ file }) => loadVisit(env, { file }),
    'visits:update': async ({ ref, patch }) => {
      const visit = await modifyVisit(env, ref, (current) => ({
        ...current,
        ...definedOnly(patch),
      }));
      return { visit, file: visitFile(env, ref) };
    },
    // From the index (list-index.ts): only new or changed visits are read in full.
    'visits:list': async () => listVisits(env),
    'visits:add-snapshot': async ({ ref, snapshot }) => addSnapshot(env, ref, snapshot),
    'visits:add-checklist': async ({ ref, run }) => {
      const visit = await modifyVisit(env, ref, (current) => ({
        ...current,
        checklists: [...current.checklists.filter((r) => r.runId !== run.runId), run],
      }));
      return { visit, file: visitFile(env, ref) };
    },
    'visits:add-scan': async ({ ref, scan }) => {
      // One copy of a scan (same start and ranges): saved again, it replaces the earlier copy.
      const same = (s: typeof scan): boolean =>
        s.startedAt === scan.startedAt && s.ranges.join(' ') === scan.ranges.join(' ');
      const visit = await modifyVisit(env, ref, (current) => ({
        ...current,
        scans: [...current.scans.filter((s) => !same(s)), scan],
      }));
      return { visit, file: visitFile(env, ref) };
    },
  };
}
