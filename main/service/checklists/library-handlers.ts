/**
 * Handlers of the library channels: list, get, validate, import (preview, then confirm).
 */
import { basename, dirname, join } from 'node:path';

import type { Handlers } from '../define.js';
import { ServiceError } from '../errors.js';
import { assertDoorPath } from '../request-files.js';
import { ReadFileError, readBoundedText } from '../storage/read-file.js';
import { atomicWriteJson } from '../storage/atomic-json.js';
import type { ChecklistListItem, ImportReport, ValidationReport, checklistsContract } from './contract.js';
import { findEntry, importedDir, loadLibrary, type Library, type LibraryEntry } from './library.js';
import { parseChecklistFile } from './parse-file.js';
import { compareVersions } from './schema.js';
import type { ChecklistsDeps } from './deps.js';

type LibraryChannels = 'checklists:list' | 'checklists:get' | 'checklists:validate' | 'checklists:import';

function listItem(entry: LibraryEntry): ChecklistListItem {
  const { checklist } = entry;
  return {
    id: checklist.id,
    version: checklist.version,
    task: checklist.task,
    title: checklist.title,
    summary: checklist.summary,
    origin: entry.origin,
    checkedOn: checklist.checkedOn,
    stepCount: checklist.steps.length,
    unconfirmedCount: checklist.unconfirmed.length + checklist.steps.filter((s) => s.unconfirmed !== undefined).length,
    keywords: checklist.keywords,
    warnings: entry.warnings,
  };
}

/** Lower case without diacritics ("Chữ ký số" → "chu ky so"); đ/Đ become d. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

function words(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/**
 * Whether an item matches the query, diacritics ignored: every query word must be a whole word
 * of the item; only the last one (still being typed) may be the start of a word, from 3 letters.
 * So "chu ky so" no longer matches a text that merely contains "chuyển … số". Returns 2 when the whole query appears as a phrase (ranked
 * first), 1 for a word match, 0 for none.
 */
export function queryScore(item: Pick<ChecklistListItem, 'id' | 'title' | 'summary' | 'keywords'>, query: string | undefined): number {
  if (query === undefined || query.trim() === '') return 1;
  const fields = [item.id, item.title.vi, item.title.en, item.summary.vi, item.summary.en, ...item.keywords];
  const hay = new Set(fields.flatMap(words));
  const wanted = words(query);
  const last = wanted.length - 1;
  const hit = (w: string, i: number): boolean =>
    hay.has(w) || (i === last && w.length >= 3 && [...hay].some((h) => h.startsWith(w)));
  if (wanted.length === 0 || !wanted.every(hit)) return 0;
  const phrase = ` ${wanted.join(' ')} `;
  return fields.some((f) => ` ${words(f).join(' ')} `.includes(phrase)) ? 2 : 1;
}

/**
 * Validates text as a checklist file, against the current probe registry. `baseDir` (a file on
 * disk) lets images name files next to it; without it they must be data URLs.
 */
export async function validateText(fileName: string, text: string, deps: ChecklistsDeps, baseDir?: string): Promise<ValidationReport> {
  const parsed = await parseChecklistFile(fileName, text, { probeIds: deps.runner.probeIds(), baseDir });
  return parsed.ok
    ? { ok: true, file: fileName, errors: [], warnings: parsed.warnings, checklist: parsed.checklist }
    : { ok: false, file: fileName, errors: parsed.errors, warnings: parsed.warnings };
}

function importAction(report: ValidationReport, library: Library): Pick<ImportReport, 'action' | 'current'> {
  if (!report.ok || report.checklist === undefined) return { action: 'invalid' };
  const old = library.entries.get(report.checklist.id);
  if (old === undefined) return { action: 'new' };
  const current = { version: old.checklist.version, origin: old.origin };
  const diff = compareVersions(report.checklist.version, old.checklist.version);
  return { action: diff > 0 ? 'update' : diff === 0 ? 'same' : 'older', current };
}

/** The library handlers. */
export function libraryHandlers(deps: ChecklistsDeps): Pick<Handlers<typeof checklistsContract>, LibraryChannels> {
  const load = (): Promise<Library> => loadLibrary(deps.builtinDir, deps.env.dataDir, deps.runner.probeIds());
  return {
    'checklists:list': async ({ query }) => {
      const library = await load();
      const scored = [...library.entries.values()].map(listItem).map((item) => ({ item, score: queryScore(item, query) }));
      // Phrase matches first; Array.prototype.sort is stable, so the library order stays within each.
      const checklists = scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score).map((s) => s.item);
      return { checklists, problems: [...library.problems] };
    },
    'checklists:get': async ({ id }) => {
      const entry = findEntry(await load(), id);
      if (entry === undefined) throw new ServiceError('not-found', { vi: `Không có danh mục "${id}".`, en: `No checklist "${id}".` });
      const known = deps.runner.probeIds();
      const manualSteps = entry.checklist.steps.filter((s) => s.kind === 'check' && !known.has(s.probe)).map((s) => s.id);
      return { checklist: entry.checklist, origin: entry.origin, warnings: [...entry.warnings], manualSteps };
    },
    'checklists:validate': async (request) => {
      if ('text' in request) return validateText(request.fileName, request.text, deps);
      // The renderer names only files in the data folder; any file the CLI typed (door check).
      await assertDoorPath(deps.env, 'path', request.path);
      let text: string;
      try {
        text = await readBoundedText(request.path, { maxBytes: 4 * 1024 * 1024 });
      } catch (error) {
        const why = error instanceof ReadFileError ? error.text : { vi: 'lỗi hệ thống', en: 'system error' };
        const code = error instanceof ReadFileError && error.problem === 'missing' ? 'not-found' : 'invalid-request';
        throw new ServiceError(code, { vi: `Không đọc được tệp ${request.path}: ${why.vi}.`, en: `Cannot read ${request.path}: ${why.en}.` }, { cause: error });
      }
      return validateText(request.path, text, deps, dirname(request.path));
    },
    'checklists:import': async ({ fileName, text, confirm }) => {
      const report = await validateText(basename(fileName), text, deps);
      const { action, current } = importAction(report, await load());
      const base = { report, action, ...(current === undefined ? {} : { current }) };
      if (!confirm || report.checklist === undefined) return { ...base, stored: false };
      if (action !== 'new' && action !== 'update') {
        throw new ServiceError('conflict', {
          vi: `Không nhập: đã có phiên bản ${current?.version ?? ''} (mới bằng hoặc hơn). Hãy tăng "version" trong tệp.`,
          en: `Not imported: version ${current?.version ?? ''} is already present (same or newer). Raise "version" in the file.`,
        });
      }
      // Stored as validated JSON named by id, so a later import of the same id replaces it.
      await atomicWriteJson(join(importedDir(deps.env.dataDir), `${report.checklist.id}.json`), report.checklist);
      return { ...base, stored: true };
    },
  };
}
