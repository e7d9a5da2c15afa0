/**
 * Reopens a visit kept in the inbox (a line of a batch file), checking it again: the inbox on
 * disk could have been damaged or edited since the import.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { ServiceError } from '../errors.js';
import { inboxBatchesDir, readIndex } from './store.js';
import type { InboxEntry } from './types.js';
import { checkExport, type Checked } from './verify.js';

/** Reads line `line` (0-based) of a file without loading the whole file. */
async function readLine(file: string, line: number): Promise<string | undefined> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    if (n === line) {
      lines.close();
      return text;
    }
    n += 1;
  }
  return undefined;
}

/** The stored export of an inbox entry, verified again, and its text. */
export async function openStored(
  dataDir: string,
  visitId: string,
): Promise<{ entry: InboxEntry; text: string; checked: Extract<Checked, { ok: true }> }> {
  const entry = (await readIndex(dataDir)).find((e) => e.visitId === visitId);
  if (entry === undefined) {
    throw new ServiceError('not-found', {
      vi: `Hộp thư không có chuyến công tác ${visitId}.`,
      en: `The inbox has no visit ${visitId}.`,
    });
  }
  const file = path.join(inboxBatchesDir(dataDir), path.basename(entry.stored.batch));
  const text = await readLine(file, entry.stored.line).catch(() => undefined);
  const checked = text === undefined ? undefined : checkExport(text, new Map());
  if (
    text === undefined ||
    checked === undefined ||
    !checked.ok ||
    checked.digest !== entry.digest
  ) {
    throw new ServiceError('io-error', {
      vi: 'Bản lưu trong hộp thư bị thiếu, hỏng hoặc bị sửa sau khi nhập; hãy nhập lại tệp gốc.',
      en: 'The copy in the inbox is missing, damaged or was edited after the import; import the original file again.',
    });
  }
  return { entry, text, checked };
}
