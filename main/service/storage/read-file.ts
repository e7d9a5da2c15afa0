/**
 * The one way the service reads a file a person or a document named: only regular files (no
 * devices such as /dev/zero, no FIFOs, no sockets), with the size checked while reading (a
 * device's `stat().size` is 0), asynchronously (never blocking the web or Electron process).
 *
 * The file is opened with O_NONBLOCK, so opening a FIFO returns at once instead of waiting for
 * a writer, then `fstat` on the open handle decides: the check and the read see the same file
 * (no swap between a `stat` and a later `open`).
 */
import { constants, promises as fs } from 'node:fs';

import type { LocalText } from '../define.js';
import { MAX_READ_BYTES } from './limits.js';

/** Why a file was not read. */
export type ReadFileProblem =
  'missing' | 'denied' | 'folder' | 'not-regular' | 'too-large' | 'other';

/** Thrown by {@link readBoundedFile}; `text` says why in plain words. */
export class ReadFileError extends Error {
  override name = 'ReadFileError' as const;
  readonly problem: ReadFileProblem;
  readonly text: LocalText;
  constructor(problem: ReadFileProblem, text: LocalText, options?: { cause?: unknown }) {
    super(text.en, options);
    this.problem = problem;
    this.text = text;
  }
}

/** Options of {@link readBoundedFile}. */
export type ReadBoundedOptions = Readonly<{
  /** Largest size accepted, in bytes. @default MAX_READ_BYTES (64 MB) */
  maxBytes?: number;
  /** Refuse a symbolic link instead of following it (O_NOFOLLOW; ignored on Windows). */
  noFollow?: boolean;
}>;

function problemOf(error: unknown): ReadFileError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'ERROR';
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new ReadFileError(
        'missing',
        { vi: 'không có tệp này', en: 'there is no such file' },
        { cause: error },
      );
    case 'EACCES':
    case 'EPERM':
      return new ReadFileError(
        'denied',
        { vi: 'không có quyền đọc tệp', en: 'permission to read it is denied' },
        { cause: error },
      );
    case 'EISDIR':
      return new ReadFileError(
        'folder',
        { vi: 'đây là một thư mục, không phải tệp', en: 'it is a folder, not a file' },
        { cause: error },
      );
    // ENXIO: a socket; ELOOP: a symlink refused by O_NOFOLLOW.
    case 'ENXIO':
    case 'ELOOP':
      return notRegular();
    default:
      return new ReadFileError(
        'other',
        { vi: `lỗi hệ thống ${code}`, en: `system error ${code}` },
        { cause: error },
      );
  }
}

function notRegular(): ReadFileError {
  return new ReadFileError('not-regular', {
    vi: 'không phải tệp thường (thiết bị, ống dẫn, socket hoặc liên kết), không đọc',
    en: 'not a regular file (a device, pipe, socket or link), not read',
  });
}

function tooLarge(maxBytes: number): ReadFileError {
  const mb = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${maxBytes} B`;
  return new ReadFileError('too-large', {
    vi: `tệp lớn hơn giới hạn ${mb}`,
    en: `the file is larger than the ${mb} limit`,
  });
}

/**
 * The bytes of `file`. Throws {@link ReadFileError} when it is missing, unreadable, a folder,
 * not a regular file, or larger than `maxBytes` (checked while reading, not only by `stat`).
 */
export async function readBoundedFile(
  file: string,
  options: ReadBoundedOptions = {},
): Promise<Buffer> {
  const maxBytes = options.maxBytes ?? MAX_READ_BYTES;
  const flags =
    constants.O_RDONLY |
    (constants.O_NONBLOCK ?? 0) |
    (options.noFollow === true ? (constants.O_NOFOLLOW ?? 0) : 0);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, flags);
  } catch (error) {
    throw problemOf(error);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw problemOf({ code: 'EISDIR' });
    if (!stat.isFile()) throw notRegular();
    if (stat.size > maxBytes) throw tooLarge(maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // The first read asks for the size `stat` gave plus one byte, so a file that did not grow
      // is read at once into a buffer of its own size (a fixed 1 MB buffer per file cost an
      // import of 10,000 small files 20 GB of allocations and half its time in GC). One byte
      // past the limit tells "exactly at the limit" from "larger".
      const want = total === 0 ? stat.size + 1 : 1024 * 1024;
      const chunk = Buffer.allocUnsafe(Math.max(Math.min(want, maxBytes + 1 - total), 1));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(maxBytes);
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
      // A short read that brings exactly the size `stat` gave is the end of a regular file (it
      // did not grow); anything else (a /proc file's size is 0) reads on until a read gives 0.
      if (bytesRead < chunk.length && total === stat.size) break;
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } catch (error) {
    throw error instanceof ReadFileError ? error : problemOf(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The text of `file` as UTF-8, with the checks of {@link readBoundedFile}. */
export async function readBoundedText(
  file: string,
  options: ReadBoundedOptions = {},
): Promise<string> {
  return (await readBoundedFile(file, options)).toString('utf8');
}
