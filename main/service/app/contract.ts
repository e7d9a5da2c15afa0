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

export const appContract = {
  'app:info': channel<AppInfo>()({
    request: z.object({}).strict(),
    summary: {
      vi: 'Thông tin phiên bản và thư mục dữ liệu của Xã Số',
      en: 'Xã Số version and data folder',
    },
  }),
};
