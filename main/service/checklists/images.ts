/**
 * Step images: a built-in checklist may name a PNG/JPEG file next to it (`src: img/tray-v.png`);
 * the library inlines it as a data URL so every door (Electron, web, CLI JSON) can show it.
 * An imported file has no folder, so its images must already be data URLs.
 */
import { realpath } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize, sep } from 'node:path';

import { ReadFileError, readBoundedFile } from '../storage/read-file.js';

import type { Finding } from './semantics.js';
import type { Checklist } from './schema.js';

const MIME: Readonly<Record<string, string>> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };
const MAX_BYTES = 2 * 1024 * 1024;

/** The image type the bytes really are (by their magic numbers), whatever the file's name says. */
export function sniffImage(bytes: Uint8Array): 'image/png' | 'image/jpeg' | undefined {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return undefined;
}

async function inline(src: string, baseDir: string | undefined): Promise<string | Finding['message']> {
  if (/^data:image\/(png|jpeg);base64,/.test(src)) return src;
  const mime = MIME[extname(src).toLowerCase()];
  if (baseDir === undefined || mime === undefined || isAbsolute(src) || normalize(src).startsWith('..')) {
    return {
      vi: `ảnh phải là data URL PNG/JPEG, hoặc (danh mục có sẵn) tệp .png/.jpg nằm cạnh tệp danh mục: "${src}"`,
      en: `an image must be a PNG/JPEG data URL, or (built-ins) a .png/.jpg file next to the checklist: "${src}"`,
    };
  }
  try {
    // A link may not lead out of the checklist's folder (a link to ~/.ssh/id_rsa is not an image).
    const file = await realpath(join(baseDir, src));
    const root = await realpath(baseDir);
    if (!file.startsWith(root + sep)) return { vi: `ảnh "${src}" nằm ngoài thư mục danh mục`, en: `image "${src}" is outside the checklist folder` };
    const bytes = await readBoundedFile(file, { maxBytes: MAX_BYTES });
    const real = sniffImage(bytes);
    if (real === undefined) return { vi: `tệp "${src}" không phải ảnh PNG/JPEG`, en: `"${src}" is not a PNG/JPEG image` };
    return `data:${real};base64,${bytes.toString('base64')}`;
  } catch (error) {
    if (error instanceof ReadFileError && error.problem === 'too-large') return { vi: `ảnh "${src}" lớn hơn 2 MB`, en: `image "${src}" is larger than 2 MB` };
    return { vi: `không tìm thấy ảnh "${src}"`, en: `image "${src}" not found` };
  }
}

/** Returns the checklist with every step image inlined, and a finding for each image that is not usable. */
export async function inlineImages(checklist: Checklist, baseDir: string | undefined): Promise<{ checklist: Checklist; findings: Finding[] }> {
  const findings: Finding[] = [];
  const steps = await Promise.all(
    checklist.steps.map(async (step, s) => {
      if (step.images === undefined) return step;
      const images = await Promise.all(
        step.images.map(async (image, i) => {
          const src = await inline(image.src, baseDir);
          if (typeof src === 'string') return { ...image, src };
          findings.push({ path: ['steps', s, 'images', i, 'src'], message: src });
          return image;
        }),
      );
      return { ...step, images };
    }),
  );
  return { checklist: { ...checklist, steps }, findings };
}
