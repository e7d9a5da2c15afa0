/**
 * Where the app's files are: the built bundles inside the app, and the data folder (beside the
 * executable on the USB stick in portable mode). Plain Node; `index.ts` applies the result.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Name of the data folder created beside the portable executable. */
export const PORTABLE_DATA_FOLDER = 'XaSoData';

/** The built files the main process loads, relative to the app root (`app.getAppPath()`). */
export type AppPaths = Readonly<{
  /** The sandboxed preload, one CommonJS file (built by scripts/build-node.mjs). */
  preload: string;
  /** The built renderer (vite, relative asset paths), served as `app://xaso/`. */
  rendererDir: string;
}>;

/** The bundle paths under an app root (the project folder in development, the asar when packed). */
export function appPaths(appRoot: string): AppPaths {
  return {
    preload: join(appRoot, 'out', 'preload', 'index.cjs'),
    rendererDir: join(appRoot, 'out', 'renderer'),
  };
}

/** Where data goes, and whether that is the portable folder. */
export type DataDirChoice = Readonly<{ dataDir: string; portable: boolean }>;

/**
 * Chooses the data folder. electron-builder's portable target sets `PORTABLE_EXECUTABLE_DIR`
 * to the folder of the .exe (shared/TECH.md §5): when that folder can take a `XaSoData`
 * subfolder, data lives there, on the stick; otherwise (read-only stick, not portable) the
 * default per-user folder is used.
 */
export function resolveDataDir(
  env: Readonly<Record<string, string | undefined>>,
  defaultDir: string,
  isWritable: (dir: string) => boolean,
): DataDirChoice {
  const exeDir = env['PORTABLE_EXECUTABLE_DIR']?.trim();
  if (exeDir !== undefined && exeDir !== '') {
    const candidate = join(exeDir, PORTABLE_DATA_FOLDER);
    if (isWritable(candidate)) return { dataDir: candidate, portable: true };
  }
  return { dataDir: defaultDir, portable: false };
}

/**
 * True when `dir` exists or can be created, and a file can be written in it. Writes and removes
 * a probe file: `fs.access(W_OK)` does not tell the truth on Windows (it only reads the
 * read-only attribute).
 */
export function isWritableDir(dir: string): boolean {
  const probe = join(dir, `.xaso-write-test-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
    return true;
  } catch {
    return false;
  }
}
