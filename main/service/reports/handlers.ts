import { createHash } from 'node:crypto';
import path from 'node:path';

import type { Handlers } from '../define.js';
import type { ServiceEnv } from '../env.js';
import { ServiceError } from '../errors.js';
import { installationKey } from '../inbox/keys.js';
import { atomicWriteFile } from '../storage/atomic-json.js';
import { loadVisit } from '../visits/store.js';
import type { ExportResult, reportsContract } from './contract.js';
import { FORMAT_INFO, exportFileName, renderVisit, type ExportContext } from './export.js';
import { buildReportModel } from './model.js';
import { renderText } from './format-text.js';

/** The context exports run in. */
export function exportContext(env: ServiceEnv, lang: 'vi' | 'en'): ExportContext {
  return {
    lang,
    key: () => installationKey(env.dataDir, env.now),
    appVersion: env.version,
    now: env.now,
  };
}

/** Handlers of the `reports:*` channels. */
export function reportsHandlers(env: ServiceEnv): Handlers<typeof reportsContract> {
  return {
    'reports:export': async ({ ref, format, out, inline, lang }, { progress }) => {
      const { visit } = await loadVisit(env, ref);
      progress({
        percent: 10,
        label: {
          vi: `Đang tạo ${format.toUpperCase()}…`,
          en: `Rendering ${format.toUpperCase()}…`,
        },
      });
      const bytes = await renderVisit(visit, format, exportContext(env, lang));
      const fileName = exportFileName(visit, format);
      const file =
        out === undefined
          ? inline
            ? undefined
            : path.join(env.dataDir, 'exports', fileName)
          : path.resolve(out);
      if (file !== undefined) {
        try {
          await atomicWriteFile(file, bytes);
        } catch (error) {
          const detail = (error as Error).message;
          throw new ServiceError(
            'io-error',
            {
              vi: `Không ghi được tệp báo cáo: ${detail}`,
              en: `Could not write the report: ${detail}`,
            },
            { cause: error },
          );
        }
      }
      const result: ExportResult = {
        format,
        fileName: file === undefined ? fileName : path.basename(file),
        mime: FORMAT_INFO[format].mime,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        ...(file === undefined ? {} : { file }),
        ...(inline ? { contentBase64: bytes.toString('base64') } : {}),
      };
      return result;
    },
    'reports:preview-summary': async ({ ref, lang }) => {
      const { visit } = await loadVisit(env, ref);
      return { text: renderText(buildReportModel(visit, lang)) };
    },
  };
}
