/**
 * Channels of the visit record: create, read, patch, list, and add what the other domains
 * produce (machine snapshots, checklist runs, LAN scans). No Node modules here.
 */
import { z } from 'zod';

import { channel } from '../define.js';
import {
  checklistRunSchema,
  lanScanSchema,
  machineSnapshotSchema,
  visitFieldsSchema,
  type Visit,
  type VisitMachine,
} from './schema.js';

/** A visit by id (data folder) or by file path. */
export const visitRefSchema = z.union([
  z.object({ id: z.string().min(1).max(64) }).strict(),
  z.object({ file: z.string().min(1).max(4096) }).strict(),
]);

/** A visit as the channels return it: the record, where it is saved, and any recovery. */
export type VisitView = Readonly<{
  visit: Visit;
  file: string;
  /** Set when the main file was damaged and the backup was used: what was wrong. */
  recoveredFrom?: string;
}>;

/** One line of the visit list. */
export type VisitListItem = Readonly<{
  id: string;
  file: string;
  commune: string;
  province: string;
  date: string;
  interns: readonly string[];
  machines: number;
  openItems: number;
  updatedAt: string;
}>;

/** Result of adding a snapshot: the machine as saved, and whether it was seen before. */
export type AddSnapshotResult = VisitView &
  Readonly<{ machine: VisitMachine; seenBefore: boolean; replaced: boolean }>;

const createFields = visitFieldsSchema
  .partial()
  .extend({ commune: visitFieldsSchema.shape.commune });

export const visitsContract = {
  'visits:create': channel<VisitView>()({
    request: z
      .object({
        fields: createFields,
        /** Save to this file instead of the data folder (the CLI's `--out`). */
        file: z.string().min(1).max(4096).optional(),
      })
      .strict(),
    summary: {
      vi: 'Tạo chuyến công tác mới (mang theo việc còn tồn của lần trước)',
      en: 'Create a visit (carrying over open items)',
    },
  }),
  'visits:get': channel<VisitView>()({
    request: z.object({ ref: visitRefSchema }).strict(),
    summary: { vi: 'Đọc một chuyến công tác', en: 'Read a visit' },
  }),
  'visits:open-file': channel<VisitView>()({
    request: z.object({ file: z.string().min(1).max(4096) }).strict(),
    summary: {
      vi: 'Mở tệp chuyến công tác (ví dụ trên USB)',
      en: 'Open a visit file (e.g. on a USB stick)',
    },
  }),
  'visits:update': channel<VisitView>()({
    request: z.object({ ref: visitRefSchema, patch: visitFieldsSchema.partial() }).strict(),
    summary: {
      vi: 'Sửa các trường của chuyến công tác (tự lưu)',
      en: 'Patch visit fields (auto-save)',
    },
  }),
  'visits:list': channel<VisitListItem[]>()({
    request: z.object({}).strict(),
    summary: { vi: 'Danh sách chuyến công tác đã lưu', en: 'Saved visits' },
  }),
  'visits:add-snapshot': channel<AddSnapshotResult>()({
    request: z.object({ ref: visitRefSchema, snapshot: machineSnapshotSchema }).strict(),
    summary: {
      vi: 'Thêm kết quả chẩn đoán một máy vào chuyến công tác',
      en: "Add a machine's diagnosis to a visit",
    },
  }),
  'visits:add-checklist': channel<VisitView>()({
    request: z.object({ ref: visitRefSchema, run: checklistRunSchema }).strict(),
    summary: {
      vi: 'Thêm (hoặc cập nhật) một lượt danh mục kiểm tra',
      en: 'Add (or update) a checklist run',
    },
  }),
  'visits:add-scan': channel<VisitView>()({
    request: z.object({ ref: visitRefSchema, scan: lanScanSchema }).strict(),
    summary: { vi: 'Thêm kết quả quét mạng LAN', en: 'Add a LAN scan' },
  }),
};
