import type {
  ChecklistListItem,
  ValidationReport,
  checklistsContract,
} from '../../service/checklists/contract.js';
import { formatProblem, type FileProblem } from '../../service/checklists/file-problem.js';
import type { Checklist, Step } from '../../service/checklists/schema.js';
import type { ResultOf } from '../../service/define.js';
import type { Command, CommandIo, ParsedArgs } from '../command.js';
import { UsageError } from '../command.js';
import { printResult } from '../print.js';

type Lang = 'vi' | 'en';
type GetResult = ResultOf<(typeof checklistsContract)['checklists:get']>;

const TASK_NAMES: Record<ChecklistListItem['task'], { vi: string; en: string }> = {
  signature: { vi: 'Chữ ký số', en: 'Digital signature' },
  vneid: { vi: 'VNeID và Dịch vụ công', en: 'VNeID and public services' },
  printer: { vi: 'Máy in', en: 'Printers' },
  typing: { vi: 'Gõ tiếng Việt và phông chữ', en: 'Vietnamese typing and fonts' },
  security: { vi: 'An toàn thông tin', en: 'Information security' },
  handover: { vi: 'Bàn giao máy', en: 'PC hand-over' },
  other: { vi: 'Khác', en: 'Other' },
};

/** Readable lines of the checklist list, grouped by task. */
export function formatList(
  value: { checklists: ChecklistListItem[]; problems: FileProblem[] },
  lang: Lang,
): string[] {
  const lines: string[] = [];
  for (const task of Object.keys(TASK_NAMES) as ChecklistListItem['task'][]) {
    const items = value.checklists.filter((c) => c.task === task);
    if (items.length === 0) continue;
    lines.push(`${TASK_NAMES[task][lang]}:`);
    for (const c of items) {
      const origin = c.origin === 'imported' ? (lang === 'vi' ? ', đã nhập' : ', imported') : '';
      lines.push(
        `  ${c.id.padEnd(22)} ${c.title[lang]} (v${c.version}, ${c.stepCount} ${lang === 'vi' ? 'bước' : 'steps'}${origin})`,
      );
    }
  }
  if (value.checklists.length === 0)
    lines.push(lang === 'vi' ? 'Không có danh mục nào khớp.' : 'No checklist matches.');
  for (const problem of value.problems) lines.push(`⚠ ${formatProblem(problem, lang)}`);
  return lines;
}

function stepLine(step: Step, index: number, manual: boolean, lang: Lang): string {
  const kind = {
    instruction: lang === 'vi' ? 'hướng dẫn' : 'instruction',
    question: lang === 'vi' ? 'câu hỏi' : 'question',
    check: manual
      ? lang === 'vi'
        ? 'kiểm tra (bằng tay: chưa có phép đo)'
        : 'check (by hand: no probe yet)'
      : lang === 'vi'
        ? 'tự kiểm tra'
        : 'automatic check',
  }[step.kind];
  const when = step.when === undefined ? '' : lang === 'vi' ? ' [có điều kiện]' : ' [conditional]';
  const unconfirmed =
    step.unconfirmed === undefined ? '' : lang === 'vi' ? ' [chưa xác nhận]' : ' [unconfirmed]';
  return `  ${String(index + 1).padStart(2)}. ${step.title[lang]} — ${kind}${when}${unconfirmed}`;
}

/** Readable lines of one checklist. */
export function formatChecklist(value: GetResult, lang: Lang): string[] {
  const c: Checklist = value.checklist;
  const vi = lang === 'vi';
  return [
    `${c.title[lang]} (${c.id} v${c.version}${value.origin === 'imported' ? (vi ? ', đã nhập' : ', imported') : ''})`,
    c.summary[lang],
    `${vi ? 'Kiểm chứng ngày' : 'Checked on'}: ${c.checkedOn}`,
    `${vi ? 'Các bước' : 'Steps'}:`,
    ...c.steps.map((s, i) => stepLine(s, i, value.manualSteps.includes(s.id), lang)),
    ...(c.unconfirmed.length === 0
      ? []
      : [
          `${vi ? 'Chưa xác nhận' : 'Unconfirmed'}:`,
          ...c.unconfirmed.map((u) => `  • ${u[lang]}`),
        ]),
    `${vi ? 'Nguồn' : 'Sources'}:`,
    ...c.sources.map((s) => `  • ${s.label} — ${s.url}`),
  ];
}

/** Readable lines of a validation report. */
export function formatReport(report: ValidationReport, lang: Lang): string[] {
  const vi = lang === 'vi';
  const head =
    report.ok && report.checklist !== undefined
      ? `✓ ${report.file}: ${vi ? 'hợp lệ' : 'valid'} — ${report.checklist.id} v${report.checklist.version}, ${report.checklist.steps.length} ${vi ? 'bước' : 'steps'}`
      : `✗ ${report.file}: ${vi ? `không hợp lệ (${report.errors.length} lỗi)` : `invalid (${report.errors.length} errors)`}`;
  return [
    head,
    ...report.errors.map((p) => `  ${vi ? 'lỗi' : 'error'}: ${formatProblem(p, lang)}`),
    ...report.warnings.map((p) => `  ${vi ? 'lưu ý' : 'warning'}: ${formatProblem(p, lang)}`),
  ];
}

function positional(args: ParsedArgs, index: number, what: { vi: string; en: string }): string {
  const value = args.positionals[index];
  if (value === undefined)
    throw new UsageError({ vi: `Thiếu ${what.vi}`, en: `Missing ${what.en}` });
  return value;
}

async function show(args: ParsedArgs, io: CommandIo): Promise<number> {
  const id = positional(args, 1, {
    vi: 'mã danh mục, ví dụ: xaso checklist show token-install',
    en: 'checklist id, e.g. xaso checklist show token-install',
  });
  const result = await io.service.invoke('checklists:get', { id }, { signal: io.signal });
  return printResult(io, result, (value) => formatChecklist(value, io.lang));
}

async function validate(args: ParsedArgs, io: CommandIo): Promise<number> {
  const path = positional(args, 1, {
    vi: 'tệp cần kiểm tra, ví dụ: xaso checklist validate danh-muc.yaml',
    en: 'file to validate, e.g. xaso checklist validate my.yaml',
  });
  const result = await io.service.invoke('checklists:validate', { path }, { signal: io.signal });
  const code = printResult(io, result, (value) => formatReport(value, io.lang));
  // An invalid file is a failure of the command, in text and JSON alike.
  return code === 0 && result.ok && !result.value.ok ? 1 : code;
}

/** `xaso checklist list | show ID | validate FILE`. */
export const checklistCommand: Command = {
  name: 'checklist',
  summary: {
    vi: 'Danh mục hướng dẫn: liệt kê, xem, kiểm tra tệp',
    en: 'Guided checklists: list, show, validate a file',
  },
  usage: [
    'xaso checklist list [--search TỪ-KHOÁ] [--json]',
    'xaso checklist show ID [--json]',
    'xaso checklist validate TỆP.yaml|TỆP.json [--json]',
  ],
  flags: ['search'],
  async run(args, io) {
    const sub = args.positionals[0] ?? 'list';
    if (sub === 'list') {
      const search = args.flags['search'];
      const result = await io.service.invoke(
        'checklists:list',
        typeof search === 'string' ? { query: search } : {},
        { signal: io.signal },
      );
      return printResult(io, result, (value) => formatList(value, io.lang));
    }
    if (sub === 'show') return show(args, io);
    if (sub === 'validate') return validate(args, io);
    throw new UsageError({
      vi: `Không có lệnh con "${sub}" (dùng list, show, validate)`,
      en: `No subcommand "${sub}" (use list, show, validate)`,
    });
  },
};
