/**
 * The checklist library: built-in files (the top-level `checklists/` folder shipped with the
 * app) plus files a supervisor imported (`<dataDir>/checklists/`). An imported checklist replaces
 * a built-in one with the same id only when its version is newer. A malformed file is reported
 * with its file, line and reason and never stops the others from loading.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ReadFileError, readBoundedText } from '../storage/read-file.js';
import { parseChecklistFile, type FileProblem } from './parse-file.js';

/** Largest checklist file read (a checklist is a few KB of YAML; images are separate files). */
const MAX_CHECKLIST_BYTES = 4 * 1024 * 1024;
import { compareVersions, type Checklist } from './schema.js';

/** Where a checklist came from. */
export type Origin = 'builtin' | 'imported';

/** One loaded checklist. */
export type LibraryEntry = Readonly<{
  checklist: Checklist;
  origin: Origin;
  file: string;
  warnings: readonly FileProblem[];
}>;

/** Everything the library holds, and the files it refused. */
export type Library = Readonly<{
  entries: ReadonlyMap<string, LibraryEntry>;
  problems: readonly FileProblem[];
}>;

const EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Finds the built-in `checklists/` folder: next to the sources, or above the bundled file. */
export function findBuiltinDir(start = dirname(fileURLToPath(import.meta.url))): string | undefined {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, 'checklists');
    if (existsSync(join(candidate, 'token-install.yaml'))) {
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Folder of imported checklists. */
export function importedDir(dataDir: string): string {
  return join(dataDir, 'checklists');
}

async function readFolder(dir: string | undefined, origin: Origin, probeIds: ReadonlySet<string>) {
  if (dir === undefined) return { entries: [] as LibraryEntry[], problems: [] as FileProblem[] };
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => EXTENSIONS.some((ext) => n.endsWith(ext))).sort();
  } catch {
    return { entries: [], problems: [] };
  }
  const entries: LibraryEntry[] = [];
  const problems: FileProblem[] = [];
  for (const name of names) {
    const file = join(dir, name);
    let text: string;
    try {
      text = await readBoundedText(file, { maxBytes: MAX_CHECKLIST_BYTES });
    } catch (error) {
      const why = error instanceof ReadFileError ? error.text : { vi: 'không đọc được', en: 'unreadable' };
      problems.push({ file, line: 0, column: 0, path: '', message: why });
      continue;
    }
    // One bad file must never hide the others: anything thrown is that file's problem.
    const parsed = await parseChecklistFile(file, text, { probeIds, baseDir: dir }).catch(
      (error: unknown) => ({
        ok: false as const,
        errors: [{ file, line: 0, column: 0, path: '', message: { vi: `không đọc được: ${String(error)}`, en: `unreadable: ${String(error)}` } }],
      }),
    );
    if (parsed.ok) entries.push({ checklist: parsed.checklist, origin, file, warnings: parsed.warnings });
    else problems.push(...parsed.errors);
  }
  return { entries, problems };
}

/** The entry with this id, or whose `aliases` name it (a diagnostics fix may use an alias). */
export function findEntry(library: Library, id: string): LibraryEntry | undefined {
  return library.entries.get(id) ?? [...library.entries.values()].find((e) => e.checklist.aliases.includes(id));
}

/** Loads built-ins and imports; for each id the newest version wins (built-in on a tie). */
export async function loadLibrary(
  builtinDir: string | undefined,
  dataDir: string,
  probeIds: ReadonlySet<string>,
): Promise<Library> {
  const builtin = await readFolder(builtinDir, 'builtin', probeIds);
  const imported = await readFolder(importedDir(dataDir), 'imported', probeIds);
  const entries = new Map<string, LibraryEntry>();
  for (const entry of [...builtin.entries, ...imported.entries]) {
    const old = entries.get(entry.checklist.id);
    if (old === undefined || compareVersions(entry.checklist.version, old.checklist.version) > 0) {
      entries.set(entry.checklist.id, entry);
    }
  }
  return { entries, problems: [...builtin.problems, ...imported.problems] };
}
