/**
 * What the rest of the app takes from the province pack: the network check's endpoints (in
 * place of the `dichvucong.TINH.gov.vn` placeholder), the root list (data folder and pack over
 * the built-in list) and the CA choices of the checklists (the province's own CAs first).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { z } from 'zod';

import type { Endpoint } from '../../../diagnostics/network/types.js';
import { VN_ROOTS } from '../../../diagnostics/signature/roots.js';
import type { VnRoot } from '../../../diagnostics/types.js';
import type { Checklist } from '../checklists/schema.js';
import { packRootSchema, type ProvincePack } from './schema.js';

const SYSTEMS = [
  ['publicService', 'portal'],
  ['oneStop', 'portal'],
  ['documentManagement', 'other'],
  ['officialEmail', 'other'],
] as const;

/** The province's systems as network endpoints (`province-<system>` ids). */
export function provinceEndpoints(pack: ProvincePack): Endpoint[] {
  return SYSTEMS.flatMap(([key, kind]) => {
    const system = pack.portals[key];
    if (system === undefined) return [];
    const id = `province-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    return [{ id, kind, url: system.url, name: system.name }];
  });
}

/** `<data folder>/vn-roots.json`: a root list update from a supervisor (same shape as the built-in). */
const rootsFileSchema = z.object({ roots: z.array(packRootSchema).max(50) }).loose();

/** The roots file of the data folder; `[]` when there is none (a wrong file is an error). */
export async function dataFolderRoots(dataDir: string): Promise<VnRoot[]> {
  const file = join(dataDir, 'vn-roots.json');
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return [];
  const parsed = rootsFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data.roots;
}

/**
 * The roots to trust: the built-in list, overridden or extended by id with the data folder's
 * update, then with the province pack's roots.
 */
export function mergeRoots(...layers: readonly (readonly VnRoot[])[]): VnRoot[] {
  const byId = new Map<string, VnRoot>();
  for (const root of [VN_ROOTS.roots, ...layers].flat()) byId.set(root.id, root);
  return [...byId.values()];
}

const SUFFIX = { vi: ' — tỉnh cấp', en: ' — issued by the province' } as const;

/**
 * The checklist with the province's CAs first: in every choice question whose answer becomes
 * the `ca` fact, options naming a CA of the pack move to the top (in the pack's order) and are
 * marked "tỉnh cấp". Other checklists come back unchanged.
 */
export function provinceFirst(checklist: Checklist, pack: ProvincePack | undefined): Checklist {
  const order = pack?.cas.map((c) => c.provider) ?? [];
  if (order.length === 0) return checklist;
  const rank = (value: string): number =>
    order.includes(value) ? order.indexOf(value) : order.length;
  const steps = checklist.steps.map((step) => {
    if (step.kind !== 'question' || step.fact !== 'ca' || step.input.type !== 'choice') return step;
    const options = [...step.input.options]
      .sort((a, b) => rank(a.value) - rank(b.value))
      .map((o) =>
        order.includes(o.value)
          ? { ...o, label: { vi: o.label.vi + SUFFIX.vi, en: o.label.en + SUFFIX.en } }
          : o,
      );
    return { ...step, input: { ...step.input, options } };
  });
  return { ...checklist, steps };
}

/**
 * The checklist with the root list in use: a `file-sha256` question naming `roots: <kind>` also
 * accepts every root of that kind the data folder or the province pack adds, and its text names
 * them with their fingerprints (the built-in ones are already in the file).
 */
export function withRoots(checklist: Checklist, extra: readonly VnRoot[]): Checklist {
  if (extra.length === 0) return checklist;
  const steps = checklist.steps.map((step) => {
    if (
      step.kind !== 'question' ||
      step.input.type !== 'file-sha256' ||
      step.input.roots === undefined
    )
      return step;
    const input = step.input;
    const added = extra.filter(
      (r) => r.kind === input.roots && r.sha256 !== undefined && !input.expect.includes(r.sha256),
    );
    if (added.length === 0) return step;
    const list = added.map((r) => `${r.name}: ${r.sha256 ?? ''}`).join('; ');
    const body = {
      vi: `${step.body?.vi ?? ''}\nGốc được cập nhật (tỉnh hoặc người hướng dẫn): ${list}.`.trim(),
      en: `${step.body?.en ?? ''}\nRoots updated (province or supervisor): ${list}.`.trim(),
    };
    const expect = [...input.expect, ...added.map((r) => r.sha256 ?? '')];
    return { ...step, body, input: { ...input, expect } };
  });
  return { ...checklist, steps };
}
