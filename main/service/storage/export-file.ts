/**
 * Where exports are written, and how: a file the person named is never replaced unless they
 * said so (`--force` in the CLI, `overwrite: true` in a request, which the UI sends only after
 * asking); the data folder's `exports/` must be a real folder (a link to elsewhere is not
 * followed); any door other than the CLI may only write inside the data folder.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

import type { ServiceEnv } from '../env.js';
import { ServiceError } from '../errors.js';
import { assertDoorPath } from '../request-files.js';
import { FileExistsError, atomicWriteFile } from './atomic-json.js';

/** `<dataDir>/exports`, created if needed; refused when it is a link or not a folder. */
export async function exportsDirOf(env: Pick<ServiceEnv, 'dataDir'>): Promise<string> {
  const dir = path.join(env.dataDir, 'exports');
  const stat = await fs.lstat(dir).catch(() => undefined);
  if (stat === undefined) {
    await fs.mkdir(dir, { recursive: true });
    return dir;
  }
  if (stat.isSymbolicLink() || !stat.isDirectory()) {
    throw new ServiceError('io-error', {
      vi: `Thư mục xuất ${dir} là liên kết hoặc không phải thư mục; không ghi vào đó.`,
      en: `The exports folder ${dir} is a link or not a folder; nothing is written there.`,
    });
  }
  return dir;
}

/** Options of {@link writeExport}. */
export type WriteExportOptions = Readonly<{
  /** Replace an existing file. @default false */
  overwrite?: boolean;
  /** Request field that named the file (door check, messages). @default 'out' */
  field?: string;
}>;

/**
 * Writes an export atomically to `file` (a path from a request, checked for the door) and
 * returns its absolute path. An existing file is a `conflict` unless `overwrite`.
 */
export async function writeExport(
  env: ServiceEnv,
  file: string,
  data: string | Uint8Array,
  options: WriteExportOptions = {},
): Promise<string> {
  const field = options.field ?? 'out';
  const target = path.resolve(file);
  await assertDoorPath(env, field, target);
  try {
    await atomicWriteFile(target, data, { exclusive: options.overwrite !== true });
  } catch (error) {
    if (error instanceof FileExistsError) {
      throw new ServiceError(
        'conflict',
        {
          vi: `Tệp đã có, không ghi đè: ${target} (dòng lệnh: thêm --force; ứng dụng: xác nhận ghi đè).`,
          en: `File exists, not overwritten: ${target} (command line: add --force; app: confirm overwriting).`,
        },
        { issues: [{ path: field, message: { vi: 'tệp đã có', en: 'file exists' } }] },
      );
    }
    const detail = (error as Error).message;
    throw new ServiceError(
      'io-error',
      { vi: `Không ghi được tệp: ${detail}`, en: `Could not write the file: ${detail}` },
      { cause: error },
    );
  }
  return target;
}
