/**
 * Request fields that name files on this computer (`caFiles`, `endpointsFile`): only the CLI
 * and tests may send them, the way `capture:run` restricts `out` (the web and Electron doors
 * send file contents instead). Read here, so a test of the service sees what the CLI does.
 */
import { readFile } from 'node:fs/promises';

import type { ServiceEnv } from './env.js';
import { ServiceError } from './errors.js';

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

/** Why a file could not be read, in plain words (the system's code only when it is unusual). */
function unreadable(error: unknown): { vi: string; en: string } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'ERROR';
  switch (code) {
    case 'ENOENT':
      return { vi: 'không có tệp này', en: 'there is no such file' };
    case 'EACCES':
    case 'EPERM':
      return { vi: 'không có quyền đọc tệp', en: 'permission to read it is denied' };
    case 'EISDIR':
      return { vi: 'đây là một thư mục, không phải tệp', en: 'it is a folder, not a file' };
    default:
      return { vi: `lỗi hệ thống ${code}`, en: `system error ${code}` };
  }
}

/** The text of `file`; an unreadable file is an invalid request about `field`. */
export async function readRequestFile(field: string, file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const why = unreadable(error);
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
