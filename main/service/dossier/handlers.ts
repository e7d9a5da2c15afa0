import { createHash } from 'node:crypto';
import { access } from 'node:fs/promises';
import path from 'node:path';

import type { Handlers } from '../define.js';
import type { ServiceEnv } from '../env.js';
import { ServiceError } from '../errors.js';
import { atomicWriteFile } from '../storage/atomic-json.js';
import { loadVisit } from '../visits/store.js';
import type { Visit } from '../visits/schema.js';
import type { DossierExportResult, DossierFormat, dossierContract } from './contract.js';
import { renderDiagramSvg } from './diagram.js';
import { buildDossier } from './model.js';
import type { Dossier } from './types.js';

const MIME: Readonly<Record<DossierFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  svg: 'image/svg+xml',
  json: 'application/json',
};

/** `ho-so-cap-do-<commune>-<date>.<ext>`, ASCII only. */
export function dossierFileName(d: Dossier, format: DossierFormat): string {
  const base = `${d.commune.name}-${d.date}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `ho-so-cap-do-${base || 'xa'}.${format}`;
}

/** The dossier's bytes in one format. */
export async function renderDossier(d: Dossier, format: DossierFormat): Promise<Buffer> {
  switch (format) {
    // The DOCX and XLSX writers (docx, exceljs, resvg) load on first use.
    case 'docx':
      return (await import('./format-docx.js')).renderDossierDocx(d);
    case 'xlsx':
      return (await import('./format-xlsx.js')).renderDossierXlsx(d);
    case 'svg':
      return Buffer.from(renderDiagramSvg(d), 'utf8');
    case 'json':
      return Buffer.from(`${JSON.stringify(d, null, 1)}\n`, 'utf8');
    default:
      return assertNever(format);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unknown dossier format: ${String(value)}`);
}

/** Every visit must be of the same commune: one dossier is one office's. */
function sameOffice(visits: readonly Visit[]): void {
  const names = new Set(visits.map((v) => `${v.commune.name}|${v.commune.province}`));
  if (names.size > 1)
    throw new ServiceError('invalid-request', {
      vi: `Các chuyến công tác thuộc nhiều xã khác nhau (${[...names].map((n) => n.replace('|', ', ')).join('; ')}): mỗi hồ sơ chỉ cho một cơ quan.`,
      en: `The visits are of different communes (${[...names].map((n) => n.replace('|', ', ')).join('; ')}): one dossier is for one office.`,
    });
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function write(file: string, bytes: Buffer, force: boolean): Promise<void> {
  if (!force && (await exists(file)))
    throw new ServiceError('conflict', {
      vi: `Tệp ${file} đã có: không ghi đè (thêm --force để thay).`,
      en: `${file} already exists: not overwritten (add --force to replace it).`,
    });
  try {
    await atomicWriteFile(file, bytes);
  } catch (error) {
    const detail = (error as Error).message;
    throw new ServiceError(
      'io-error',
      { vi: `Không ghi được tệp hồ sơ: ${detail}`, en: `Could not write the dossier: ${detail}` },
      { cause: error },
    );
  }
}

/** Handlers of the `dossier:*` channels. */
export function dossierHandlers(env: ServiceEnv): Handlers<typeof dossierContract> {
  return {
    'dossier:export': async ({ refs, regime, format, out, force, inline }, { progress }) => {
      const visits: Visit[] = [];
      for (const ref of refs) visits.push((await loadVisit(env, ref)).visit);
      sameOffice(visits);
      progress({ percent: 20, label: { vi: 'Đang lập hồ sơ…', en: 'Drafting the dossier…' } });
      const dossier = buildDossier(visits, { regime });
      const bytes = await renderDossier(dossier, format);
      const fileName = dossierFileName(dossier, format);
      const file =
        out === undefined
          ? inline
            ? undefined
            : path.join(env.dataDir, 'exports', fileName)
          : path.resolve(out);
      if (file !== undefined) await write(file, bytes, force);
      const result: DossierExportResult = {
        format,
        fileName: file === undefined ? fileName : path.basename(file),
        mime: MIME[format],
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        counts: {
          assets: dossier.assets.length,
          unidentified: dossier.assets.filter((a) => !a.identified).length,
          risks: dossier.risks.length,
          notMet: dossier.plan.filter((p) => p.state === 'not-met').length,
          notMeasured: dossier.plan.filter((p) => p.state === 'not-measured').length,
        },
        ...(file === undefined ? {} : { file }),
        ...(inline ? { contentBase64: bytes.toString('base64') } : {}),
      };
      return result;
    },
  };
}
