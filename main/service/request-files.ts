/**
 * Request fields that name files on this computer (`caFiles`, `endpointsFile`): only the CLI
 * and tests may send them, the way `capture:run` restricts `out` (the web and Electron doors
 * send file contents instead). Read here, so a test of the service sees what the CLI does.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';

import type { ServiceEnv } from './env.js';
import { ServiceError } from './errors.js';
import { ReadFileError, readBoundedText } from './storage/read-file.js';

/** Throws unless the door may name files on this computer. */
export function assertFileDoor(env: ServiceEnv, field: string): void {
  if (env.door === 'cli' || env.door === 'test') return;
  throw new ServiceError(
    'invalid-request',
    {
      vi: `${field}: chỉ dòng lệnh (xaso) được gửi đường dẫn tệp; hãy gửi nội dung tệp.`,
      en: `${field}: only the command line (xaso) may send file paths; send the file contents.`,
    },
    { issues: [{ path: field, message: { vi: 'chỉ dòng lệnh', en: 'command line only' } }] },
  );
}

/** The text of `file`; an unreadable file is an invalid request about `field`. */
export async function readRequestFile(field: string, file: string): Promise<string> {
  try {
    return await readBoundedText(file);
  } catch (error) {
    const why =
      error instanceof ReadFileError ? error.text : { vi: 'lỗi hệ thống', en: 'system error' };
    throw new ServiceError(
      'invalid-request',
      {
        vi: `Không đọc được tệp ${file}: ${why.vi}.`,
        en: `Cannot read the file ${file}: ${why.en}.`,
      },
      { cause: error, issues: [{ path: field, message: why }] },
    );
  }
}

/** True when `file` (resolved, links followed as far as they exist) lies inside `dir`. */
export async function isInside(dir: string, file: string): Promise<boolean> {
  const real = async (p: string): Promise<string> => {
    try {
      return await realpath(p);
    } catch {
      const parent = path.dirname(p);
      return parent === p ? p : path.join(await real(parent), path.basename(p));
    }
  };
  const root = await real(path.resolve(dir));
  const target = await real(path.resolve(file));
  return target === root || target.startsWith(root + path.sep);
}

/**
 * Throws unless the door may name `file`: the CLI and tests may name any file (a person typed
 * it); Electron and the web door only files inside the data folder, so a script in the
 * renderer cannot read or write the user's other files.
 */
export async function assertDoorPath(
  env: Pick<ServiceEnv, 'door' | 'dataDir'>,
  field: string,
  file: string,
): Promise<void> {
  if (env.door === 'cli' || env.door === 'test') return;
  if (await isInside(env.dataDir, file)) return;
  const why = {
    vi: 'chỉ được dùng tệp trong thư mục dữ liệu của Xã Số',
    en: 'only files inside the Xã Số data folder may be used',
  };
  throw new ServiceError(
    'invalid-request',
    {
      vi: `${field}: ${why.vi}; hãy gửi nội dung tệp, hoặc dùng dòng lệnh xaso.`,
      en: `${field}: ${why.en}; send the file contents, or use the xaso command line.`,
    },
    { issues: [{ path: field, message: why }] },
  );
}

/** The PEM text of each of `files` (`caFiles`), after the door check; undefined when none. */
export async function readCaFiles(
  env: ServiceEnv,
  files: readonly string[] | undefined,
): Promise<string[] | undefined> {
  if (files === undefined) return undefined;
  assertFileDoor(env, 'caFiles');
  return Promise.all(files.map((file) => readRequestFile('caFiles', file)));
}

/** `endpointsFile` parsed as JSON (`{ endpoints, connectivity? }`), after the door check. */
export async function readEndpointsFile(
  env: ServiceEnv,
  file: string,
): Promise<{ endpoints?: unknown; connectivity?: unknown }> {
  assertFileDoor(env, 'endpointsFile');
  const text = await readRequestFile('endpointsFile', file);
  try {
    return JSON.parse(text) as { endpoints?: unknown; connectivity?: unknown };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ServiceError(
      'invalid-request',
      { vi: `Tệp ${file} sai`, en: `${file} is wrong` },
      {
        cause: error,
        issues: [
          {
            path: 'endpointsFile',
            message: { vi: `không đọc được ${file} (${why})`, en: `cannot read ${file} (${why})` },
          },
        ],
      },
    );
  }
}
