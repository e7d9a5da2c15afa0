import { createHash } from 'node:crypto';
import path from 'node:path';

import type { Handlers } from '../define.js';
import type { ServiceEnv } from '../env.js';
import { installationKey } from '../inbox/keys.js';
import { exportsDirOf, writeExport } from '../storage/export-file.js';
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
    'reports:export': async ({ ref, format, out, overwrite, inline, lang }, { progress }) => {
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
      // Our own exports folder is rewritten freely; a file the person named only with overwrite.
      const file =
        out === undefined
          ? inline
            ? undefined
            : await writeExport(env, path.join(await exportsDirOf(env), fileName), bytes, {
                overwrite: true,
              })
          : await writeExport(env, out, bytes, { overwrite });
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
