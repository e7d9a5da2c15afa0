/**
 * Channels of the checklists domain: the library (list, get, validate, import) and runs (start,
 * answer, run a check, override, evidence, sign-off, read). No Node imports.
 */
import { z } from 'zod';

import { channel } from '../define.js';
import type { FileProblem } from './file-problem.js';
import type { Checklist, ChecklistTask } from './schema.js';
import type { RunView } from './run-model.js';
import type { ChecklistRunSummary } from './summary.js';

/** A checklist as the list shows it. */
export type ChecklistListItem = Readonly<{
  id: string;
  version: string;
  task: ChecklistTask;
  title: Checklist['title'];
  summary: Checklist['summary'];
  origin: 'builtin' | 'imported';
  checkedOn: string;
  stepCount: number;
  unconfirmedCount: number;
  keywords: readonly string[];
  warnings: readonly FileProblem[];
}>;

/** A file checked against the schema: its problems, and what it holds when valid. */
export type ValidationReport = Readonly<{
  ok: boolean;
  file: string;
  errors: readonly FileProblem[];
  warnings: readonly FileProblem[];
  checklist?: Checklist;
}>;

/** What importing a file would do (preview), or did (confirmed). */
export type ImportReport = Readonly<{
  report: ValidationReport;
  /** new id / newer version / same or older version (refused) / invalid file (refused). */
  action: 'new' | 'update' | 'same' | 'older' | 'invalid';
  current?: Readonly<{ version: string; origin: 'builtin' | 'imported' }>;
  stored: boolean;
}>;

/** One run in the list of runs. */
export type RunListItem = Readonly<{
  runId: string;
  checklistId: string;
  title: Checklist['title'];
  status: 'in-progress' | 'completed' | 'abandoned';
  startedAt: string;
  updatedAt: string;
  progress: Readonly<{ done: number; total: number }>;
}>;

const runId = z.string().regex(/^[A-Za-z0-9-]+$/);
const stepId = z.string().min(1).max(100);
const extras = { note: z.string().max(4000).optional(), followUp: z.string().max(1000).optional() };
/** Photos and screenshots: PNG or JPEG data URLs only (no HTML, no SVG). */
const imageDataUrl = z.string().max(15_000_000).regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, 'PNG or JPEG data URL');
const fileText = { fileName: z.string().min(1).max(260), text: z.string().max(2_000_000) };

/** The `checklists:*` channels: library (list/get/validate/import) and runs. */
export const checklistsContract = {
  'checklists:list': channel<{ checklists: ChecklistListItem[]; problems: FileProblem[] }>()({
    request: z.object({ query: z.string().max(200).optional() }).strict(),
    summary: { vi: 'Danh sách các danh mục hướng dẫn', en: 'List the guided checklists' },
  }),
  'checklists:get': channel<{ checklist: Checklist; origin: 'builtin' | 'imported'; warnings: FileProblem[]; manualSteps: string[] }>()({
    request: z.object({ id: z.string().min(1) }).strict(),
    summary: { vi: 'Xem một danh mục', en: 'Show one checklist' },
  }),
  'checklists:validate': channel<ValidationReport>()({
    request: z.union([z.object(fileText).strict(), z.object({ path: z.string().min(1) }).strict()]),
    summary: { vi: 'Kiểm tra một tệp danh mục', en: 'Validate a checklist file' },
  }),
  'checklists:import': channel<ImportReport>()({
    request: z.object({ ...fileText, confirm: z.boolean().default(false) }).strict(),
    summary: { vi: 'Nhập (xem trước, rồi xác nhận) một tệp danh mục', en: 'Import a checklist file (preview, then confirm)' },
  }),
  'checklists:start-run': channel<RunView>()({
    request: z.object({ checklistId: z.string().min(1), machineFingerprint: z.string().max(100).optional() }).strict(),
    summary: { vi: 'Bắt đầu làm theo một danh mục', en: 'Start a checklist run' },
  }),
  'checklists:get-run': channel<RunView>()({
    request: z.object({ runId }).strict(),
    summary: { vi: 'Xem một lượt làm', en: 'Show a checklist run' },
  }),
  'checklists:list-runs': channel<RunListItem[]>()({
    request: z.object({ checklistId: z.string().optional(), status: z.enum(['in-progress', 'completed', 'abandoned']).optional() }).strict(),
    summary: { vi: 'Các lượt làm đã lưu', en: 'Saved checklist runs' },
  }),
  'checklists:answer': channel<RunView>()({
    request: z.object({ runId, stepId, value: z.union([z.string().max(4000), z.number(), z.boolean()]).optional(), ...extras }).strict(),
    summary: { vi: 'Trả lời một bước', en: 'Answer a step' },
  }),
  'checklists:run-check': channel<RunView>()({
    request: z.object({ runId, stepId }).strict(),
    streams: true,
    summary: { vi: 'Chạy (lại) phép kiểm tra tự động của một bước', en: "Run (again) a step's automatic check" },
  }),
  'checklists:override': channel<RunView>()({
    request: z.object({ runId, stepId, reason: z.string().min(1).max(1000), ...extras }).strict(),
    summary: { vi: 'Bỏ qua một phép kiểm tra không đạt (cần lý do)', en: 'Override a failed check (reason required)' },
  }),
  'checklists:add-evidence': channel<RunView>()({
    request: z
      .object({ runId, stepId, photo: z.object({ name: z.string().min(1).max(200), dataUrl: imageDataUrl }).strict().optional(), ...extras })
      .strict(),
    summary: { vi: 'Thêm ảnh, ghi chú hoặc việc cần làm tiếp', en: 'Add a photo, note or follow-up action' },
  }),
  'checklists:sign-off': channel<RunView>()({
    request: z
      .object({ runId, name: z.string().trim().min(1).max(200), position: z.string().trim().min(1).max(200), signaturePng: z.string().max(5_000_000).regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, 'PNG data URL'), method: z.enum(['drawn', 'typed']) })
      .strict(),
    summary: { vi: 'Cán bộ xã ký xác nhận', en: 'Sign-off by the commune official' },
  }),
  'checklists:abandon': channel<RunView>()({
    request: z.object({ runId }).strict(),
    summary: { vi: 'Bỏ dở một lượt làm', en: 'Abandon a checklist run' },
  }),
  'checklists:summary': channel<ChecklistRunSummary>()({
    request: z.object({ runId }).strict(),
    summary: { vi: 'Tóm tắt một lượt làm (để gắn vào chuyến công tác)', en: 'Summary of a run (for a visit)' },
  }),
};
