import path from 'node:path';

import type { Handlers } from '../define.js';
import type { ServiceEnv } from '../env.js';
import { ServiceError } from '../errors.js';
import { assertDoorPath, assertFileDoor } from '../request-files.js';
import { exportsDirOf, writeExport } from '../storage/export-file.js';
import { type ReadFileError, readBoundedText } from '../storage/read-file.js';
import { aggregate } from './aggregate.js';
import { renderAggregateXlsx } from './aggregate-xlsx.js';
import type { ImportResult, inboxContract } from './contract.js';
import { expandPaths, importVisits, type ImportInput } from './import.js';
import {
  installationKey,
  keyIdOf,
  parsePublicKey,
  publicKeyFile,
  publicKeyFileSchema,
  readTrusted,
  withTrusted,
  writeTrusted,
} from './keys.js';
import { readIndex } from './store.js';
import { openStored } from './stored.js';
import { FORMAT_INFO, exportFileName, renderVisit } from '../reports/export.js';
import { exportContext } from '../reports/handlers.js';
import type { ImportVerdict, InboxEntry, TrustedKey } from './types.js';

function counts(verdicts: readonly ImportVerdict[]): ImportResult['counts'] {
  const out = {
    accepted: 0,
    'first-use': 0,
    'unknown-key': 0,
    duplicate: 0,
    refused: 0,
    tampered: 0,
  };
  for (const v of verdicts) out[v.status] += 1;
  return out;
}

async function trustKeyText(
  env: ServiceEnv,
  text: string,
  label: string | undefined,
): Promise<TrustedKey> {
  let parsed;
  try {
    parsed = publicKeyFileSchema.parse(JSON.parse(text));
    if (keyIdOf(parsePublicKey(parsed.publicKeyPem)) !== parsed.keyId)
      throw new Error('key id does not match the key');
  } catch (error) {
    const detail = (error as Error).message.slice(0, 300);
    throw new ServiceError('invalid-request', {
      vi: `Tệp khoá công khai không hợp lệ: ${detail}`,
      en: `Invalid public key file: ${detail}`,
    });
  }
  const key: TrustedKey = {
    keyId: parsed.keyId,
    publicKeyPem: parsed.publicKeyPem,
    label: label ?? parsed.label,
    addedAt: env.now().toISOString(),
    source: 'imported',
  };
  await writeTrusted(env.dataDir, withTrusted(await readTrusted(env.dataDir), key));
  return key;
}

/** Inbox entries with their trust as of now (a key trusted after the import counts). */
async function currentEntries(dataDir: string): Promise<InboxEntry[]> {
  const trusted = new Map((await readTrusted(dataDir)).map((k) => [k.keyId, k]));
  return (await readIndex(dataDir)).map((entry) => {
    const key = trusted.get(entry.keyId);
    return { ...entry, trust: key?.source ?? 'unknown', ...(key ? { signer: key.label } : {}) };
  });
}

/** Handlers of the `inbox:*` and `keys:*` channels. */
export function inboxHandlers(env: ServiceEnv): Handlers<typeof inboxContract> {
  const handlers: Handlers<typeof inboxContract> = {
    // The CLI's `xaso import`: one request instead of three, so a test of the service sees it.
    'inbox:import-summary': async (
      { paths, trustOnFirstUse, groupBy, xlsxOut, overwrite, lang },
      call,
    ) => {
      if (xlsxOut !== undefined) assertFileDoor(env, 'xlsxOut');
      const imported = await handlers['inbox:import'](
        { paths, uploads: [], trustOnFirstUse },
        call,
      );
      const filter = { trustedOnly: false };
      const totals = await handlers['inbox:aggregate']({ groupBy, ...filter }, call);
      if (xlsxOut === undefined) return { ...imported, aggregate: totals };
      const written = await handlers['inbox:export-aggregate'](
        { groupBy, ...filter, out: xlsxOut, overwrite, inline: false, lang },
        call,
      );
      return {
        ...imported,
        aggregate: totals,
        xlsx: { file: written.file ?? xlsxOut, bytes: written.bytes },
      };
    },
    'inbox:import': async ({ paths, uploads, trustOnFirstUse }, { progress, signal }) => {
      // The UI sends file contents (uploads); paths only from the CLI or inside the data folder.
      for (const p of paths) await assertDoorPath(env, 'paths', p);
      const inputs: ImportInput[] = [
        ...(await expandPaths(paths)),
        ...uploads.map((u) => ({ name: u.name, read: async () => u.text })),
      ];
      const verdicts = await importVisits(inputs, {
        dataDir: env.dataDir,
        now: env.now,
        trustOnFirstUse,
        signal,
        onVerdict: (verdict, done, total) =>
          progress({
            percent: Math.round((done / total) * 100),
            event: 'file',
            data: verdict,
            label: { vi: `Đã kiểm tra ${done}/${total} tệp`, en: `Checked ${done}/${total} files` },
          }),
      });
      return { verdicts, counts: counts(verdicts) };
    },
    'inbox:list': async () => currentEntries(env.dataDir),
    'inbox:aggregate': async ({ groupBy, ...filter }) =>
      aggregate(await currentEntries(env.dataDir), groupBy, filter, env.now()),
    'inbox:export-aggregate': async ({ groupBy, out, overwrite, inline, lang, ...filter }) => {
      const bytes = await renderAggregateXlsx(
        aggregate(await currentEntries(env.dataDir), groupBy, filter, env.now()),
        lang,
      );
      const file =
        out === undefined
          ? inline
            ? undefined
            : await writeExport(
                env,
                path.join(await exportsDirOf(env), `tong-hop-${groupBy}.xlsx`),
                bytes,
                { overwrite: true },
              )
          : await writeExport(env, out, bytes, { overwrite });
      return {
        bytes: bytes.length,
        ...(file === undefined ? {} : { file }),
        ...(inline ? { contentBase64: bytes.toString('base64') } : {}),
      };
    },
    'inbox:report': async ({ visitId, format, out, overwrite, inline, lang }) => {
      const { text, checked } = await openStored(env.dataDir, visitId);
      // JSON: the intern's signed export, verbatim (re-signing would replace their signature).
      const bytes =
        format === 'json'
          ? Buffer.from(`${text}\n`, 'utf8')
          : await renderVisit(checked.visit, format, exportContext(env, lang));
      const fileName = exportFileName(checked.visit, format);
      const file =
        out === undefined ? undefined : await writeExport(env, out, bytes, { overwrite });
      return {
        fileName,
        mime: FORMAT_INFO[format].mime,
        bytes: bytes.length,
        ...(file === undefined ? {} : { file }),
        ...(inline ? { contentBase64: bytes.toString('base64') } : {}),
      };
    },
    'keys:export-public': async ({ out, overwrite, label }) => {
      const key = await installationKey(env.dataDir, env.now);
      const text = `${JSON.stringify(publicKeyFile(key, label), null, 2)}\n`;
      return {
        keyId: key.keyId,
        text,
        ...(out === undefined ? {} : { file: await writeExport(env, out, text, { overwrite }) }),
      };
    },
    'keys:trust': async ({ file, text, label }) => {
      const content =
        text ??
        (await readBoundedText(file!, { maxBytes: 64 * 1024 }).catch((error: ReadFileError) => {
          throw new ServiceError('not-found', {
            vi: `Không đọc được tệp khoá: ${error.text.vi}`,
            en: `Cannot read the key file: ${error.text.en}`,
          });
        }));
      return trustKeyText(env, content, label);
    },
    'keys:list': async () => ({
      own: { keyId: (await installationKey(env.dataDir, env.now)).keyId },
      trusted: await readTrusted(env.dataDir),
    }),
    'keys:untrust': async ({ keyId }) => {
      const list = await readTrusted(env.dataDir);
      const kept = list.filter((k) => k.keyId !== keyId);
      if (kept.length !== list.length) await writeTrusted(env.dataDir, kept);
      return { removed: kept.length !== list.length };
    },
  };
  return handlers;
}
