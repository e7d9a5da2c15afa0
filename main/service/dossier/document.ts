/**
 * The dossier as a document: its sections in order, as plain blocks (headings, paragraphs,
 * bullets, tables, the diagram), always in Vietnamese (it is filed with the authorities). The
 * DOCX renderer lays the blocks out; tests read the words here and in the file.
 */
import { formatDate } from '../vocabulary.js';
import { diagram, inventory, overview } from './document-parts.js';
import { regulationName, regulationTemplate } from './regulation.js';
import type { Dossier, PlanItem } from './types.js';
import type { Block, DossierDocument } from './document-types.js';
import { STATE_WORD, dash } from './words.js';

export type { Block, DossierDocument } from './document-types.js';

function level(d: Dossier): Block[] {
  return [
    { kind: 'heading', text: 'IV. ĐỀ XUẤT CẤP ĐỘ' },
    { kind: 'para', text: `Đề xuất: cấp độ ${d.level.level}.`, bold: true },
    ...d.level.reasons.map((r): Block => ({ kind: 'bullet', text: r.vi })),
    { kind: 'para', text: d.level.confirm.vi, italic: true },
  ];
}

function risks(d: Dossier): Block[] {
  return [
    { kind: 'heading', text: 'V. DANH SÁCH RỦI RO SƠ BỘ' },
    d.risks.length === 0
      ? {
          kind: 'para',
          text: 'Các mục đo được không cho thấy rủi ro; các mục chưa đo xem Phần VI.',
        }
      : {
          kind: 'table',
          head: ['Mã', 'Rủi ro, mức', 'Bằng chứng đo được', 'Cách khắc phục'],
          rows: d.risks.map((r) => [
            r.id,
            `${r.title.vi} (mức ${r.severity === 'high' ? 'cao' : 'trung bình'})`,
            r.evidence.map((e) => e.vi).join('\n'),
            r.fix.vi,
          ]),
          widths: [0.07, 0.25, 0.4, 0.28],
        },
  ];
}

function planRows(items: readonly PlanItem[]): string[][] {
  return items.map((p) => [
    p.title.vi,
    STATE_WORD[p.state],
    dash(p.evidence.map((e) => e.vi).join('\n')),
    p.remains.vi,
  ]);
}

function plan(d: Dossier): Block[] {
  const groups = [...new Set(d.plan.map((p) => p.group.vi))];
  const source = d.plan[0]?.source ?? '';
  return [
    { kind: 'heading', text: 'VI. PHƯƠNG ÁN BẢO ĐẢM AN TOÀN' },
    {
      kind: 'para',
      text: `Các yêu cầu theo ${source}. Hiện trạng: Đạt / Chưa đạt / Chưa đo (Xã Số chưa đo được, cơ quan tự đánh giá).${d.baselineRun === undefined ? '' : ` Câu trả lời lấy từ danh mục kiểm tra an toàn ngày ${formatDate(d.baselineRun.date, 'vi')}.`}`,
    },
    ...groups.flatMap((group, i): Block[] => [
      { kind: 'subheading', text: `${i + 1}. ${group}` },
      {
        kind: 'table',
        head: ['Yêu cầu', 'Hiện trạng', 'Bằng chứng', 'Cơ quan cần bổ sung'],
        rows: planRows(d.plan.filter((p) => p.group.vi === group)),
        widths: [0.28, 0.1, 0.34, 0.28],
      },
    ]),
  ];
}

function remaining(d: Dossier): Block[] {
  const open = d.plan.filter((p) => p.state !== 'met');
  return [
    { kind: 'heading', text: 'VII. PHẦN CƠ QUAN PHẢI TỰ VIẾT' },
    {
      kind: 'bullet',
      text: 'Xác nhận cấp độ đề xuất (Phần IV) với Sở Khoa học và Công nghệ hoặc công an tỉnh.',
    },
    {
      kind: 'bullet',
      text: 'Tài liệu thiết kế hoặc tài liệu tương đương của các phần mềm dùng riêng (nếu có).',
    },
    {
      kind: 'bullet',
      text: `${regulationName(d.regime)}: điều chỉnh mẫu ở Phụ lục và ban hành${d.regime === 'new' ? ' trước khi hồ sơ được phê duyệt' : ''}.`,
    },
    ...open.map((p): Block => ({ kind: 'bullet', text: `${p.title.vi}: ${p.remains.vi}` })),
  ];
}

function appendix(d: Dossier): Block[] {
  return regulationTemplate(d.regime, d.office || `Ủy ban nhân dân ${d.commune.name}`).flatMap(
    (ch): Block[] => [
      { kind: 'heading', text: ch.title },
      ...ch.articles.flatMap((a): Block[] => [
        { kind: 'subheading', text: a.title },
        ...a.clauses.map((c, i): Block => ({ kind: 'para', text: `${i + 1}. ${c}` })),
      ]),
    ],
  );
}

/** The dossier as a document. */
export function dossierDocument(d: Dossier): DossierDocument {
  return {
    agency: `Ủy ban nhân dân ${d.commune.name}`,
    place: d.commune.name.replace(/^(Xã|Phường|Thị trấn)\s+/i, ''),
    date: d.date,
    title:
      d.regime === 'old'
        ? 'HỒ SƠ ĐỀ XUẤT CẤP ĐỘ AN TOÀN HỆ THỐNG THÔNG TIN'
        : 'HỒ SƠ ĐỀ XUẤT CẤP ĐỘ AN NINH MẠNG CỦA HỆ THỐNG THÔNG TIN',
    subtitle: `Hệ thống: Mạng nội bộ và máy tính của ${d.office || d.commune.name}`,
    draftNote: `DỰ THẢO do Xã Số lập từ số liệu đo ngày ${formatDate(d.date, 'vi')}; cơ quan kiểm tra, bổ sung trước khi trình.`,
    body: [
      ...overview(d),
      ...inventory(d),
      ...diagram(d),
      ...level(d),
      ...risks(d),
      ...plan(d),
      ...remaining(d),
    ],
    appendixTitle: `PHỤ LỤC: MẪU ${regulationName(d.regime).toLocaleUpperCase('vi')}`,
    appendix: appendix(d),
  };
}
