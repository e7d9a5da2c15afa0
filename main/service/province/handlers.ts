/**
 * Handlers of `province:import` and `province:get`. A pack is imported only when its digest,
 * signature and content are right; a pack of the same province signed by another key is
 * refused unless the intern says the publisher changed (`replacePublisher`), and an older pack
 * of the same publisher never replaces a newer one.
 */
import type { Handlers } from '../define.js';
import type { ServiceEnv } from '../env.js';
import { ServiceError } from '../errors.js';
import { assertFileDoor, readRequestFile } from '../request-files.js';
import type { ProvinceImport, ProvinceView, provinceContract } from './contract.js';
import { provinceEndpoints } from './derive.js';
import { checkPack, type PackCheck } from './seal.js';
import { readPack, writePack } from './store.js';

type Checked = Extract<PackCheck, { ok: true }>;

function viewOf(checked: Checked): ProvinceView {
  return {
    pack: checked.pack,
    keyId: checked.keyId,
    publishedAt: checked.publishedAt,
    endpoints: provinceEndpoints(checked.pack),
  };
}

function actionOf(
  next: Checked,
  old: Checked | undefined,
  replacePublisher: boolean,
): ProvinceImport['action'] {
  if (old === undefined) return 'new';
  const sameProvince = old.pack.province.code === next.pack.province.code;
  if (sameProvince && old.keyId !== next.keyId && !replacePublisher) {
    throw new ServiceError('conflict', {
      vi: `Không nhập: gói của ${next.pack.province.name.vi} đang dùng do khoá ${old.keyId} ký, gói mới do khoá khác (${next.keyId}) ký. Chỉ nhập khi chắc chắn trung tâm CNTT tỉnh đã đổi khoá (dùng "thay đơn vị phát hành").`,
      en: `Not imported: the ${next.pack.province.name.en} pack in use is signed by key ${old.keyId}, the new one by another key (${next.keyId}). Import it only if you are sure the provincial IT centre changed its key ("replace publisher").`,
    });
  }
  if (sameProvince && old.keyId === next.keyId && next.publishedAt < old.publishedAt) {
    throw new ServiceError('conflict', {
      vi: `Không nhập: gói đang dùng mới hơn (phát hành ${old.publishedAt}, gói này ${next.publishedAt}).`,
      en: `Not imported: the pack in use is newer (published ${old.publishedAt}, this one ${next.publishedAt}).`,
    });
  }
  return sameProvince && old.keyId === next.keyId ? 'update' : 'replaced';
}

/** The `province:*` handlers. */
export function provinceHandlers(env: ServiceEnv): Handlers<typeof provinceContract> {
  return {
    'province:import': async (request) => {
      if ('path' in request) assertFileDoor(env, 'path');
      const text = 'path' in request ? await readRequestFile('path', request.path) : request.text;
      const checked = checkPack(text);
      if (!checked.ok) throw new ServiceError('invalid-request', checked.reason);
      const old = await readPack(env.dataDir);
      const action = actionOf(checked, old, request.replacePublisher);
      await writePack(env.dataDir, JSON.parse(text));
      return {
        action,
        ...(old === undefined
          ? {}
          : {
              previous: {
                province: old.pack.province.code,
                keyId: old.keyId,
                publishedAt: old.publishedAt,
              },
            }),
        province: viewOf(checked),
      };
    },
    'province:get': async () => {
      const checked = await readPack(env.dataDir);
      return { province: checked === undefined ? null : viewOf(checked) };
    },
  };
}
