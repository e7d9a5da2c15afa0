import { z } from 'zod';

import type { CaptureProgress, HostSummary } from '../../../diagnostics/windows/capture-types.js';
import type { RedactionCount } from '../../../diagnostics/windows/pseudonyms.js';
import { channel } from '../define.js';

/** What a saved capture says about itself (the file holds the rest). */
export type CaptureSaved = Readonly<{
  /** Absolute path of the JSON file written. */
  path: string;
  bytes: number;
  takenAt: string;
  durationMs: number;
  host: HostSummary | null;
  scripts: readonly {
    id: string;
    exitCode: number | null;
    durationMs: number;
    timedOut: boolean;
  }[];
  redactions: readonly RedactionCount[];
}>;

/** `data` of a `capture:run` progress event. */
export type CaptureProgressData = CaptureProgress;

/** What `capture:scripts` wrote. */
export type ScriptsWritten = Readonly<{ dir: string; files: readonly string[] }>;

export const captureContract = {
  'capture:run': channel<CaptureSaved>()({
    request: z
      .object({
        /** File to write (command line and tests only); default: `captures/` in the data folder. */
        out: z.string().min(1).max(4096).optional(),
        /** A PowerShell to use instead of Windows PowerShell 5.1 (developers, tests; command line only). */
        powershell: z.string().min(1).max(4096).optional(),
      })
      .strict(),
    streams: true,
    summary: {
      vi: 'Ghi dữ liệu hiện trường: chạy các lệnh PowerShell chỉ đọc, che thông tin cá nhân, lưu một tệp JSON',
      en: 'Field capture: run the read-only PowerShell scripts, redact, save one JSON file',
    },
  }),
  'capture:scripts': channel<ScriptsWritten>()({
    request: z.object({ dir: z.string().min(1).max(4096) }).strict(),
    summary: {
      vi: 'Ghi mọi lệnh PowerShell của ứng dụng thành tệp .ps1 (để kiểm tra trước khi cho phép)',
      en: 'Write every PowerShell script of the app as a .ps1 file (to review before allowing it)',
    },
  }),
};
