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

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

function matchesQuery(item: ChecklistListItem, query: string | undefined): boolean {
  if (query === undefined || query.trim() === '') return true;
  const hay = fold([item.id, item.title.vi, item.title.en, item.summary.vi, item.summary.en, ...item.keywords].join(' '));
  return fold(query).split(/\s+/).every((word) => hay.includes(word));
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
      const checklists = [...library.entries.values()].map(listItem).filter((item) => matchesQuery(item, query));
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
