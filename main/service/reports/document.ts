/**
 * The visit's minutes ("biên bản làm việc") as an NĐ 30/2020 document (`nd30.ts`), built once
 * from the report model and rendered the same way to PDF and DOCX, in Vietnamese or English:
 * participants, work done, findings by cause with the fix (affected checks under their cause),
 * fixes made, open items with owner and due date, people helped by category, remarks and
 * proposals, a signature block for every intern and for the office's representative. The detail
 * of each machine, each checklist run and the LAN goes to an appendix.
 */
import {
  CLASS_TERMS,
  DEVICE_TYPE_TERMS,
  HELPED_TERMS,
  PROBLEM_KIND_TERMS,
  dateInWords,
  formatDate,
} from '../vocabulary.js';
import { HELPED_CATEGORIES } from '../visits/schema.js';
import type { Cause, MachineRow, ReportModel } from './model.js';
import { en, statusWord } from './model.js';
import { placeOf, type DocBlock, type OfficialDocument, type SignatureBlock } from './nd30.js';
import { localDateTime } from './runs.js';
import { safeImageDataUrl } from './text-safety.js';

type Pick2 = (vi: string, en: string) => string;

const pngOf = (dataUrl: string | undefined): Buffer | undefined => {
  const src = safeImageDataUrl(dataUrl);
  return src === undefined ? undefined : Buffer.from(src.slice(src.indexOf(',') + 1), 'base64');
};

/** "a, b, c và 4 máy khác". */
function listOf(items: readonly string[], max: number, w: Pick2): string {
  if (items.length <= max) return items.join(', ');
  const rest = items.length - max;
  return `${items.slice(0, max).join(', ')} ${w(`và ${rest} máy khác`, `and ${rest} more`)}`;
}

/** "07:45" → "07 giờ 45 phút" / "07:45". */
function clock(hhmm: string, w: Pick2): string {
  const [h, m] = hhmm.split(':');
  return w(`${h} giờ ${m} phút`, hhmm);
}

function participants(model: ReportModel, w: Pick2): DocBlock[] {
  const { visit } = model;
  const rep = visit.representative;
  const contact = visit.contact;
  const office = visit.office || w('Ủy ban nhân dân xã', "the commune People's Committee");
  const people: string[] = [];
  if (rep !== undefined) people.push([rep.name, rep.position].filter(Boolean).join(', '));
  if (contact !== undefined && contact.name !== rep?.name)
    people.push(
      [
        contact.name,
        contact.position,
        contact.phone && w(`điện thoại ${contact.phone}`, `phone ${contact.phone}`),
      ]
        .filter(Boolean)
        .join(', '),
    );
  return [
    { kind: 'heading', text: w('I. THÀNH PHẦN THAM GIA', 'I. PARTICIPANTS') },
    { kind: 'para', text: w(`1. Đại diện ${office}:`, `1. For ${office}:`) },
    ...(people.length === 0 ? ['……………………………………………'] : people).map((text): DocBlock => ({
      kind: 'bullet',
      text,
    })),
    {
      kind: 'para',
      text: w('2. Sinh viên hỗ trợ kỹ thuật:', '2. Interns providing technical support:'),
    },
    ...model.interns.map((text): DocBlock => ({ kind: 'bullet', text })),
  ];
}

function workDone(model: ReportModel, w: Pick2): DocBlock[] {
  const { visit, totals } = model;
  const out: DocBlock[] = [
    { kind: 'heading', text: w('II. NỘI DUNG CÔNG VIỆC ĐÃ THỰC HIỆN', 'II. WORK DONE') },
  ];
  if (totals.machines > 0) {
    const names = listOf(
      model.machines.map((m) => m.hostname),
      8,
      w,
    );
    out.push({
      kind: 'bullet',
      text: w(
        `Chẩn đoán ${totals.machines} máy tính (${names}); chi tiết từng máy ở Phụ lục.`,
        `Diagnosed ${totals.machines} computers (${names}); each machine in detail in the Appendix.`,
      ),
    });
  }
  for (const run of model.runs) {
    const on = run.machine === '' ? '' : w(` (máy ${run.machine})`, ` (on ${run.machine})`);
    const done = run.done.map((s) => `${s.title} (${s.outcome})`).join('; ');
    const signed =
      run.signOff === undefined
        ? ''
        : w(`; xác nhận: ${run.signOff.name}`, `; signed off by ${run.signOff.name}`);
    out.push({
      kind: 'bullet',
      text: `${run.title}${on}: ${run.status.toLocaleLowerCase(model.lang)}; ${run.counts}${done === '' ? '' : w(`. Đã làm và xác minh: ${done}`, `. Done and verified: ${done}`)}${signed}.`,
    });
  }
  for (const scan of visit.scans) {
    out.push({
      kind: 'bullet',
      text: w(
        `Quét mạng LAN (${scan.ranges.join(', ')}): tìm thấy ${scan.hosts.length} thiết bị.`,
        `Scanned the LAN (${scan.ranges.join(', ')}): ${scan.hosts.length} devices found.`,
      ),
    });
  }
  if (totals.people > 0)
    out.push({
      kind: 'bullet',
      text: w(
        `Hỗ trợ ${totals.people} lượt người (mục VI).`,
        `Helped ${totals.people} people (section VI).`,
      ),
    });
  if (visit.timeSpentMinutes !== undefined) {
    const h = Math.floor(visit.timeSpentMinutes / 60);
    const m = visit.timeSpentMinutes % 60;
    out.push({
      kind: 'bullet',
      text: w(`Tổng thời gian làm việc: ${h} giờ ${m} phút.`, `Time spent: ${h} h ${m} min.`),
    });
  }
  return out;
}

function causeCell(cause: Cause, model: ReportModel): string {
  const { L } = model;
  const lines = [cause.title];
  for (const a of cause.affected)
    lines.push(`${L.affected}: ${a.title} (${listOf(a.machines, 4, pick(model))})`);
  return lines.join('\n');
}

const pick =
  (model: ReportModel): Pick2 =>
  (vi, en) =>
    model.lang === 'vi' ? vi : en;

function findings(model: ReportModel, w: Pick2): DocBlock[] {
  const { L, totals, visit } = model;
  const out: DocBlock[] = [
    { kind: 'heading', text: w('III. KẾT QUẢ KIỂM TRA', 'III. FINDINGS') },
    {
      kind: 'para',
      text: w(
        `Phát hiện ${totals.causes} vấn đề (${totals.fail} lỗi và ${totals.warn} cảnh báo trên các máy); ${totals.affected} mục bị ảnh hưởng bởi các vấn đề đó, ghi ngay dưới nguyên nhân; ${totals.unknown} mục không kiểm tra được và ${totals.notApplicable} mục không áp dụng được ghi ở Phụ lục.`,
        `${en(totals.causes, 'problem')} found (${en(totals.fail, 'error')} and ${en(totals.warn, 'warning')} across machines); ${en(totals.affected, 'check')} affected by them, listed under their cause; ${en(totals.unknown, 'check')} that could not be run and ${totals.notApplicable} not applicable, in the Appendix.`,
      ),
    },
  ];
  if (model.causes.length > 0)
    out.push({
      kind: 'table',
      head: [L.no, L.cause, L.onMachines, L.fix],
      widths: [0.07, 0.38, 0.2, 0.35],
      rows: model.causes.map((c, i) => [
        String(i + 1),
        `${causeCell(c, model)}\n(${statusWord(L, c.status)})`,
        listOf(
          c.machines.map((m) => m.hostname),
          6,
          w,
        ),
        c.fix || '—',
      ]),
    });
  if (visit.problems.length > 0) {
    const hostOf = new Map(model.machines.map((m) => [m.fingerprint, m.hostname]));
    out.push({ kind: 'subheading', text: `${L.problems}:` });
    for (const p of visit.problems) {
      const on =
        p.machineFingerprint === undefined ? '' : ` (${hostOf.get(p.machineFingerprint) ?? ''})`;
      out.push({
        kind: 'bullet',
        text: `${PROBLEM_KIND_TERMS[p.kind][model.lang]}: ${p.text}${on}`,
      });
    }
  }
  return out;
}

function lists(model: ReportModel, w: Pick2): DocBlock[] {
  const { L, visit, lang } = model;
  const none: DocBlock = { kind: 'para', text: L.none };
  const out: DocBlock[] = [
    { kind: 'heading', text: w('IV. CÁC VIỆC ĐÃ KHẮC PHỤC', 'IV. FIXES MADE') },
  ];
  out.push(
    visit.fixes.length === 0
      ? none
      : {
          kind: 'table',
          head: [L.no, L.what, L.how],
          widths: [0.07, 0.4, 0.53],
          rows: visit.fixes.map((f, i) => [String(i + 1), f.what, f.how]),
        },
  );
  out.push({ kind: 'heading', text: w('V. VIỆC CÒN TỒN', 'V. OPEN ITEMS') });
  out.push(
    visit.openItems.length === 0
      ? none
      : {
          kind: 'table',
          head: [L.no, L.item, L.owner, L.due, L.status],
          widths: [0.07, 0.43, 0.2, 0.15, 0.15],
          rows: visit.openItems.map((o, i) => [
            String(i + 1),
            o.text + (o.carriedFrom === undefined ? '' : ` (${L.carried})`),
            o.owner ?? '',
            o.due === undefined ? '' : formatDate(o.due, lang),
            o.done ? L.done : L.open,
          ]),
        },
  );
  out.push({ kind: 'heading', text: w('VI. NGƯỜI ĐƯỢC HỖ TRỢ', 'VI. PEOPLE HELPED') });
  const rows = HELPED_CATEGORIES.flatMap((cat) => {
    const items = visit.peopleHelped.filter((p) => (p.category ?? 'other') === cat);
    if (items.length === 0) return [];
    const sum = (role: 'official' | 'citizen') =>
      items.filter((p) => p.role === role).reduce((n, p) => n + p.count, 0);
    const tasks = [...new Set(items.map((p) => p.task).filter(Boolean))].join('; ');
    return [
      [
        `${HELPED_TERMS[cat][lang]}${tasks === '' ? '' : `\n(${tasks})`}`,
        String(sum('official')),
        String(sum('citizen')),
        String(sum('official') + sum('citizen')),
      ],
    ];
  });
  const total = (role?: 'official' | 'citizen') =>
    String(
      visit.peopleHelped
        .filter((p) => role === undefined || p.role === role)
        .reduce((n, p) => n + p.count, 0),
    );
  out.push(
    rows.length === 0
      ? none
      : {
          kind: 'table',
          head: [L.category, L.official, L.citizen, L.total],
          widths: [0.55, 0.15, 0.15, 0.15],
          rows: [...rows, [L.total, total('official'), total('citizen'), total()]],
        },
  );
  return out;
}

function proposals(model: ReportModel, w: Pick2): DocBlock[] {
  const { visit, totals } = model;
  const out: DocBlock[] = [
    { kind: 'heading', text: w('VII. Ý KIẾN VÀ ĐỀ XUẤT', 'VII. REMARKS AND PROPOSALS') },
  ];
  const office = visit.office || w('Ủy ban nhân dân xã', "the People's Committee");
  if (totals.causes > 0)
    out.push({
      kind: 'bullet',
      text: w(
        `Đề nghị ${office} bố trí khắc phục các vấn đề còn lại ở mục III theo cách khắc phục đã nêu.`,
        `${office} is asked to have the remaining problems of section III fixed as described.`,
      ),
    });
  if (totals.open > 0)
    out.push({
      kind: 'bullet',
      text: w(
        `Đề nghị người phụ trách hoàn thành ${totals.open} việc còn tồn ở mục V đúng hạn; sinh viên kiểm tra lại ở lần làm việc sau.`,
        `The owners are asked to complete the ${totals.open} open items of section V by their due dates; the interns check them on the next visit.`,
      ),
    });
  if (visit.notes !== undefined && visit.notes !== '')
    out.push({
      kind: 'bullet',
      text: `${w('Ghi chú của sinh viên', 'Notes by the interns')}: ${visit.notes}`,
    });
  const a = visit.assessment;
  if (a !== undefined && a.text !== '') {
    const who = [a.by, a.position].filter(Boolean).join(', ');
    out.push({
      kind: 'bullet',
      text: `${w('Nhận xét của cơ quan', "The office's assessment")}: ${a.text}${who === '' ? '' : ` (${who})`}`,
    });
  }
  if (out.length === 1) out.push({ kind: 'para', text: model.L.none });
  return out;
}

function closing(model: ReportModel, w: Pick2): DocBlock {
  const left = model.visit.onSite.leftAt;
  return {
    kind: 'para',
    text: w(
      `${left === undefined ? 'Buổi làm việc kết thúc cùng ngày' : `Buổi làm việc kết thúc vào lúc ${clock(left, w)} cùng ngày`}. Biên bản được lập thành 02 bản có giá trị như nhau, cơ quan giữ 01 bản, sinh viên giữ 01 bản để báo cáo người hướng dẫn; các bên đã đọc lại, thống nhất nội dung và ký tên dưới đây.`,
      `${left === undefined ? 'The session ended the same day' : `The session ended at ${left} the same day`}. These minutes are made in 2 copies of equal value, one kept by the office and one by the interns for their mentor; the parties have read them, agree and sign below.`,
    ),
  };
}

function signatures(model: ReportModel, w: Pick2): SignatureBlock[] {
  const { visit } = model;
  const interns = visit.interns.map((intern, i) => ({
    title: i === 0 ? w('SINH VIÊN THỰC HIỆN', 'INTERNS') : '',
    hint: w('(Ký, ghi rõ họ tên)', '(Signature, full name)'),
    name: intern.name,
  }));
  const rep =
    visit.representative ??
    (visit.contact === undefined
      ? undefined
      : { name: visit.contact.name, position: visit.contact.position });
  const same = (a: string, b: string) =>
    a.trim().toLocaleLowerCase('vi') === b.trim().toLocaleLowerCase('vi');
  const signOff = model.runs
    .map((r) => r.signOff)
    .find((s) => s !== undefined && rep !== undefined && same(s.name, rep.name));
  const png = pngOf(signOff?.signaturePng);
  const office: SignatureBlock = {
    title: w('ĐẠI DIỆN CƠ QUAN', 'FOR THE OFFICE'),
    ...(rep?.position ? { position: rep.position.toLocaleUpperCase(model.lang) } : {}),
    hint: w('(Ký, ghi rõ họ tên, đóng dấu)', '(Signature, full name, seal)'),
    name: rep?.name ?? '',
    ...(png === undefined ? {} : { signaturePng: png }),
  };
  return [...interns, office];
}

function machineDetail(model: ReportModel, m: MachineRow, i: number): DocBlock[] {
  const { L, lang } = model;
  const t = m.tally;
  const w = pick(model);
  const facts: Array<[string, string]> = [
    [L.assetTag, m.assetTag],
    [L.room, m.room],
    [L.user, m.user],
    [L.model, m.model],
    [L.serial, m.serial],
    [L.os, m.os],
    [L.supportEnd, m.supportEnd === '' ? '' : formatDate(m.supportEnd, lang)],
    [L.ip, m.ip],
    [L.mac, m.mac],
    [L.takenAt, localDateTime(m.takenAt, lang)],
  ].filter(([, v]) => v !== '') as Array<[string, string]>;
  const pairs: string[][] = [];
  for (let k = 0; k < facts.length; k += 2)
    pairs.push([facts[k]![0], facts[k]![1], facts[k + 1]?.[0] ?? '', facts[k + 1]?.[1] ?? '']);
  const rows = [
    ...m.findings.map((f) => [
      f.causedBy === undefined ? statusWord(L, f.status) : CLASS_TERMS.affected[lang],
      f.title,
      f.causedBy === undefined ? f.detail : `${f.detail} (${w('do', 'because of')}: ${f.causedBy})`,
      f.causedBy === undefined ? f.fix : '',
    ]),
    ...m.unknown.map((f) => [statusWord(L, 'unknown'), f.title, f.detail, f.fix]),
  ];
  return [
    {
      kind: 'subheading',
      text: `${i + 1}. ${m.hostname}${m.assetTag === '' ? '' : ` (${m.assetTag})`}`,
    },
    ...(pairs.length === 0
      ? []
      : [
          {
            kind: 'table',
            head: [L.field, L.value, L.field, L.value],
            rows: pairs,
            widths: [0.17, 0.33, 0.17, 0.33],
            small: true,
          } as DocBlock,
        ]),
    {
      kind: 'para',
      text: w(
        `${L.result}: ${t.ok} mục đạt, ${t.fail} lỗi, ${t.warn} cảnh báo, ${t.affected} bị ảnh hưởng, ${t.unknown} không kiểm tra được, ${t.notApplicable} không áp dụng.`,
        `${L.result}: ${t.ok} OK, ${t.fail} problems, ${t.warn} warnings, ${t.affected} affected, ${t.unknown} could not be checked, ${t.notApplicable} not applicable.`,
      ),
    },
    ...(m.changes === undefined
      ? [{ kind: 'para', text: L.newMachine } as DocBlock]
      : m.changes.length === 0
        ? []
        : [{ kind: 'para', text: `${L.changes}: ${m.changes.join('; ')}` } as DocBlock]),
    rows.length === 0
      ? { kind: 'para', text: L.noFindings }
      : {
          kind: 'table',
          head: [L.status, L.check, L.detail, L.fix],
          rows,
          widths: [0.15, 0.23, 0.32, 0.3],
          small: true,
        },
  ];
}

function runDetail(model: ReportModel): DocBlock[] {
  const { L } = model;
  const w = pick(model);
  if (model.runs.length === 0) return [];
  const out: DocBlock[] = [
    { kind: 'heading', text: w('B. DANH MỤC KIỂM TRA ĐÃ THỰC HIỆN', 'B. CHECKLISTS RUN') },
  ];
  model.runs.forEach((run, i) => {
    out.push({
      kind: 'subheading',
      text: `${i + 1}. ${run.title}${run.machine === '' ? '' : ` — ${run.machine}`}`,
    });
    out.push({
      kind: 'para',
      text: `${run.status}; ${L.started} ${run.started}${run.finished === '' ? '' : `, ${L.finished.toLocaleLowerCase(model.lang)} ${run.finished}`}; ${run.counts}.`,
    });
    if (run.done.length > 0)
      out.push({
        kind: 'table',
        head: [L.no, L.verified, L.outcome, `${L.notes} / ${L.evidence}`],
        widths: [0.07, 0.4, 0.18, 0.35],
        small: true,
        rows: run.done.map((s, k) => [
          String(k + 1),
          s.title,
          s.outcome,
          [s.note, ...s.evidence].filter(Boolean).join('; '),
        ]),
      });
    if (run.signOff !== undefined) {
      out.push({
        kind: 'para',
        text: `${L.signedBy}: ${run.signOff.name}, ${run.signOff.position} (${run.signOff.signedAt})`,
      });
      const png = pngOf(run.signOff.signaturePng);
      if (png !== undefined)
        out.push({ kind: 'image', data: png, maxWidthMm: 50, maxHeightMm: 20 });
    }
  });
  return out;
}

function lanDetail(model: ReportModel): DocBlock[] {
  const { L, visit, lang } = model;
  const w = pick(model);
  if (visit.scans.length === 0) return [];
  const out: DocBlock[] = [
    { kind: 'heading', text: w('C. THIẾT BỊ TRONG MẠNG LAN', 'C. DEVICES ON THE LAN') },
  ];
  for (const scan of visit.scans) {
    out.push({
      kind: 'para',
      text: `${L.ranges}: ${scan.ranges.join(', ')}; ${L.scannedAt} ${localDateTime(scan.startedAt, lang)}; ${scan.hosts.length} ${L.hosts}.`,
    });
    if (scan.hosts.length > 0)
      out.push({
        kind: 'table',
        head: ['IP', 'MAC', L.vendor, L.hostname, L.deviceType, L.ports],
        widths: [0.16, 0.2, 0.18, 0.18, 0.14, 0.14],
        small: true,
        rows: scan.hosts.map((h) => [
          h.ip,
          h.mac ?? '',
          h.vendor ?? '',
          h.hostname ?? '',
          (DEVICE_TYPE_TERMS as Record<string, { vi: string; en: string }>)[h.deviceType]?.[lang] ??
            DEVICE_TYPE_TERMS.unknown[lang],
          h.openPorts.join(', '),
        ]),
      });
  }
  return out;
}

function photos(model: ReportModel): DocBlock[] {
  const w = pick(model);
  const images = model.visit.photos.flatMap((p) => {
    const data = pngOf(p.dataUrl);
    return data === undefined
      ? []
      : [
          {
            kind: 'image',
            data,
            caption: p.caption ?? p.name,
            maxWidthMm: 80,
            maxHeightMm: 60,
          } as DocBlock,
        ];
  });
  return images.length === 0
    ? []
    : [{ kind: 'heading', text: w('D. ẢNH', 'D. PHOTOS') }, ...images];
}

/** The minutes of a visit, in the model's language. */
export function visitDocument(model: ReportModel): OfficialDocument {
  const { visit, lang } = model;
  const w = pick(model);
  const commune = visit.commune.name;
  const arrived = visit.onSite.arrivedAt;
  const where = [visit.office, commune, visit.commune.province].filter(Boolean).join(', ');
  const opening = w(
    `Hôm nay, ${arrived === undefined ? '' : `vào lúc ${clock(arrived, w)}, `}${dateInWords(visit.onSite.date, 'vi')}, tại ${where}, chúng tôi gồm:`,
    `Today, ${arrived === undefined ? '' : `at ${arrived}, `}${dateInWords(visit.onSite.date, 'en')}, at ${where}, the undersigned:`,
  );
  return {
    header: {
      lang,
      agency: [w('ỦY BAN NHÂN DÂN', "PEOPLE'S COMMITTEE OF"), commune.toLocaleUpperCase(lang)],
      ...(visit.documentNumber === undefined || visit.documentNumber.trim() === ''
        ? {}
        : { number: visit.documentNumber }),
      numberSuffix: 'BB-UBND',
      place: placeOf(commune),
      date: visit.onSite.date,
    },
    title: w('BIÊN BẢN LÀM VIỆC', 'MINUTES OF THE WORKING SESSION'),
    subtitle: w('Về việc hỗ trợ kỹ thuật công nghệ thông tin', 'On IT technical support'),
    body: [
      { kind: 'para', text: opening },
      ...participants(model, w),
      {
        kind: 'para',
        text: w(
          'Cùng lập biên bản về buổi làm việc với nội dung sau:',
          'Record the session as follows:',
        ),
      },
      ...workDone(model, w),
      ...findings(model, w),
      ...lists(model, w),
      ...proposals(model, w),
      closing(model, w),
    ],
    signatures: signatures(model, w),
    leftSigners: visit.interns.length,
    appendix: {
      title: w('PHỤ LỤC', 'APPENDIX'),
      subtitle: w('Chi tiết kỹ thuật kèm theo biên bản', 'Technical detail of the minutes'),
      body: [
        ...(model.machines.length === 0
          ? []
          : [{ kind: 'heading', text: w('A. CHI TIẾT TỪNG MÁY', 'A. EACH MACHINE') } as DocBlock]),
        ...model.machines.flatMap((m, i) => machineDetail(model, m, i)),
        ...runDetail(model),
        ...lanDetail(model),
        ...photos(model),
      ],
    },
    fileTitle: `${w('Biên bản làm việc', 'Minutes')} — ${commune}`,
  };
}
