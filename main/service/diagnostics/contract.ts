import { z } from 'zod';

import type { Area, LocalText, MachineSnapshot } from '../../../diagnostics/types.js';
import { channel } from '../define.js';

/** A probe as the UI and the CLI list it (before running). */
export type ProbeInfo = Readonly<{ id: string; area: Area; title: LocalText; timeoutMs: number }>;

/**
 * `data` of a `diagnostics:run` progress event (`event` is `probe-started` or `probe-finished`;
 * `checks` only when finished).
 */
export type DiagnosticsProgressData = Readonly<{
  probeId: string;
  area: Area;
  title: LocalText;
  checks?: MachineSnapshot['checks'];
  done: number;
  total: number;
}>;

export const diagnosticsContract = {
  'diagnostics:run': channel<MachineSnapshot>()({
    request: z
      .object({
        /** Areas (`hardware`, `os`, `software`, `signature`, `network`, `printers`) or probe ids. */
        only: z.array(z.string().min(1).max(100)).max(50).optional(),
        /** The intern's asset tag for this machine (sticker), kept in the snapshot. */
        assetTag: z.string().max(100).optional(),
        /** Extra CA certificates (PEM) the network check trusts, as `network:check` takes them. */
        ca: z.array(z.string().min(1).max(100_000)).max(20).optional(),
        /** CLI and tests only: PEM files the service reads and adds to `ca`. */
        caFiles: z.array(z.string().min(1).max(4096)).max(20).optional(),
      })
      .strict(),
    streams: true,
    summary: {
      vi: 'Chẩn đoán máy: sức khoẻ, phần mềm và sẵn sàng ký số',
      en: 'Diagnose this PC: health, software and signing readiness',
    },
  }),
  'diagnostics:probes': channel<readonly ProbeInfo[]>()({
    request: z.object({}).strict(),
    summary: { vi: 'Danh sách các bước kiểm tra', en: 'List of the checks the sweep runs' },
  }),
};
