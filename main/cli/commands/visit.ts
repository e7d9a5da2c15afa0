import type { VisitView } from '../../service/visits/contract.js';
import { isCalendarDate } from '../args.js';
import type { Command, CommandIo, ParsedArgs } from '../command.js';
import { UsageError } from '../command.js';
import { printResult } from '../print.js';

function required(args: ParsedArgs, name: string, example: string): string {
  const value = args.flags[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new UsageError({
      vi: `Thiếu --${name}, ví dụ --${name} ${example}`,
      en: `Missing --${name}, e.g. --${name} ${example}`,
    });
  }
  return value;
}

function optional(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags[name];
  if (value === true)
    throw new UsageError({ vi: `--${name} cần một giá trị`, en: `--${name} needs a value` });
  return value;
}

/** Readable lines of a visit. */
export function formatVisit(view: VisitView, lang: 'vi' | 'en'): string[] {
  const { visit } = view;
  const vi = lang === 'vi';
  const open = visit.openItems.filter((i) => !i.done);
  const lines = [
    `${visit.commune.name} — ${visit.commune.province} (${visit.onSite.date})`,
    `${vi ? 'Sinh viên' : 'Interns'}: ${visit.interns.map((i) => i.name).join(', ') || '—'}`,
    `${vi ? 'Máy đã chẩn đoán' : 'Machines'}: ${visit.machines.length}`,
    ...visit.machines.map((m) => {
      const s = m.snapshot.summary;
      const seen =
        m.changes === undefined
          ? vi
            ? 'máy mới'
            : 'new'
          : `${m.changes.checks.length} ${vi ? 'thay đổi so với' : 'changes since'} ${m.changes.previousVisitDate}`;
      return `  • ${m.snapshot.machine.hostname}: ${s.fail} ${vi ? 'lỗi' : 'fail'}, ${s.warn} ${vi ? 'cảnh báo' : 'warn'}, ${s.unknown} ${vi ? 'chưa rõ' : 'unknown'} (${seen})`;
    }),
    `${vi ? 'Danh mục kiểm tra' : 'Checklists'}: ${visit.checklists.length}; ${vi ? 'việc còn tồn' : 'open items'}: ${open.length}`,
    ...open.map(
      (i) => `  • ${i.text}${i.carriedFrom ? (vi ? ' (từ lần trước)' : ' (carried over)') : ''}`,
    ),
    `${vi ? 'Tệp' : 'File'}: ${view.file}`,
  ];
  if (view.recoveredFrom !== undefined) {
    lines.push(
      vi
        ? `⚠ Tệp chính bị hỏng (${view.recoveredFrom}); đã đọc bản sao lưu .bak.`
        : `⚠ Main file damaged (${view.recoveredFrom}); read the .bak backup.`,
    );
  }
  return lines;
}

async function create(args: ParsedArgs, io: CommandIo): Promise<number> {
  const commune = required(args, 'commune', '"Xã Tân Phước Hưng"');
  const province = required(args, 'province', '"Cần Thơ"');
  const out = required(args, 'out', 'D:\\xaso\\tan-phuoc-hung.json');
  const interns = (args.all['intern'] ?? []).map((name) => ({ name }));
  if (interns.length === 0)
    throw new UsageError({
      vi: 'Cần ít nhất một --intern "Họ tên"',
      en: 'At least one --intern "Name" is needed',
    });
  const office = optional(args, 'office');
  const date = optional(args, 'date');
  if (date !== undefined && !isCalendarDate(date))
    throw new UsageError({
      vi: `--date phải là ngày có thật dạng YYYY-MM-DD (vd. 2026-11-20), không phải "${date}"`,
      en: `--date must be a real date as YYYY-MM-DD (e.g. 2026-11-20), not "${date}"`,
    });
  const fields = {
    commune: { name: commune, province },
    interns,
    ...(office ? { office } : {}),
    ...(date ? { onSite: { date } } : {}),
  };
  const result = await io.service.invoke(
    'visits:create',
    { fields, file: out },
    { signal: io.signal },
  );
  return printResult(io, result, (value) => [
    io.lang === 'vi' ? 'Đã tạo chuyến công tác:' : 'Visit created:',
    ...formatVisit(value, io.lang),
  ]);
}

async function list(io: CommandIo): Promise<number> {
  const result = await io.service.invoke('visits:list', {}, { signal: io.signal });
  return printResult(io, result, (value) => {
    const items = value;
    if (items.length === 0)
      return [io.lang === 'vi' ? 'Chưa có chuyến công tác nào.' : 'No visits yet.'];
    return items.map(
      (v) =>
        `${v.date}  ${v.commune} — ${v.province}  (${v.machines} ${io.lang === 'vi' ? 'máy' : 'machines'})  ${v.file}`,
    );
  });
}

/** `xaso visit new|show|list`: the visit record, headless. */
export const visitCommand: Command = {
  name: 'visit',
  summary: {
    vi: 'Tạo, xem chuyến công tác (tệp JSON, tự lưu an toàn)',
    en: 'Create and show visits (JSON file, saved safely)',
  },
  usage: [
    'xaso visit new --commune "Xã …" --province "Tỉnh …" --intern "Họ tên" [--intern …] [--office …] [--date YYYY-MM-DD] --out FILE',
    'xaso visit show FILE',
    'xaso visit list',
    'xaso diagnose --visit FILE   (thêm kết quả chẩn đoán máy này vào chuyến công tác)',
  ],
  flags: ['commune', 'province', 'intern', 'office', 'date', 'out'],
  async run(args, io) {
    const [sub, file] = args.positionals;
    if (sub === 'new') return create(args, io);
    if (sub === 'list') return list(io);
    if (sub === 'show') {
      if (file === undefined)
        throw new UsageError({
          vi: 'Cần tên tệp: xaso visit show FILE',
          en: 'A file is needed: xaso visit show FILE',
        });
      const result = await io.service.invoke('visits:open-file', { file }, { signal: io.signal });
      return printResult(io, result, (value) => formatVisit(value, io.lang));
    }
    throw new UsageError({
      vi: 'Dùng: xaso visit new|show|list',
      en: 'Use: xaso visit new|show|list',
    });
  },
};
