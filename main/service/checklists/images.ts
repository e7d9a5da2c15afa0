/**
 * Step images: a built-in checklist may name a PNG/JPEG file next to it (`src: img/tray-v.png`);
 * the library inlines it as a data URL so every door (Electron, web, CLI JSON) can show it.
 * An imported file has no folder, so its images must already be data URLs.
 */
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize } from 'node:path';

import type { Finding } from './semantics.js';
import type { Checklist } from './schema.js';

const MIME: Readonly<Record<string, string>> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };
const MAX_BYTES = 2 * 1024 * 1024;

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
    const bytes = await readFile(join(baseDir, src));
    if (bytes.length > MAX_BYTES) return { vi: `ảnh "${src}" lớn hơn 2 MB`, en: `image "${src}" is larger than 2 MB` };
    return `data:${mime};base64,${bytes.toString('base64')}`;
  } catch {
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
