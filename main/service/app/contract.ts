import { z } from 'zod';

import { channel } from '../define.js';

/** Facts about this installation, shown in the About box and `xaso --version`. */
export type AppInfo = Readonly<{
  name: string;
  version: string;
  platform: 'win32' | 'darwin' | 'linux';
  arch: string;
  nodeVersion: string;
  /** Where visits, runs and keys are kept (on the USB stick in portable mode). */
  dataDir: string;
  portable: boolean;
  /** Which door the request came through. */
  door: 'electron' | 'cli' | 'web' | 'test';
}>;

/** What the app remembers between sessions (settings.json in the data folder). */
export type AppState = Readonly<{
  /** The visit in progress the app reopens; absent when none. */
  activeVisitId?: string;
  /** The office's asset tag of this PC, when it was given once. */
  assetTag?: string;
}>;

const fingerprint = z.string().min(1).max(100);

export const appContract = {
  'app:info': channel<AppInfo>()({
    request: z.object({}).strict(),
    summary: {
      vi: 'Thông tin phiên bản và thư mục dữ liệu của Xã Số',
      en: 'Xã Số version and data folder',
    },
  }),
  'app:state': channel<AppState>()({
    request: z.object({ fingerprint: fingerprint.optional() }).strict(),
    summary: {
      vi: 'Chuyến công tác đang làm và mã tài sản đã nhớ của máy',
      en: 'The active visit and the remembered asset tag of a PC',
    },
  }),
  'app:set-active-visit': channel<AppState>()({
    request: z.object({ visitId: z.string().min(1).max(100).nullable() }).strict(),
    summary: {
      vi: 'Chọn (hoặc bỏ chọn) chuyến công tác đang làm',
      en: 'Set (or clear) the active visit',
    },
  }),
  'app:remember-asset-tag': channel<AppState>()({
    request: z.object({ fingerprint, assetTag: z.string().trim().min(1).max(100) }).strict(),
    summary: {
      vi: 'Nhớ mã tài sản của một máy (theo dấu vân tay phần cứng)',
      en: "Remember a PC's asset tag (by hardware fingerprint)",
    },
  }),
};
