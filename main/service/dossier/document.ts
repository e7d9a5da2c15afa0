/**
 * The dossier as a document: its sections in order, as plain blocks (headings, paragraphs,
 * bullets, tables, the diagram), always in Vietnamese (it is filed with the authorities). The
 * DOCX renderer lays the blocks out; tests read the words here and in the file.
 */
import { formatDate } from '../vocabulary.js';
import { renderDiagramSvg } from './diagram.js';
import { regulationName, regulationTemplate } from './regulation.js';
import type { Asset, AssetKind, Dossier, PlanItem, RequirementState } from './types.js';

/** A piece of the body. Table widths are fractions of the text width. */
export type Block =
  | Readonly<{ kind: 'heading'; text: string }>
  | Readonly<{ kind: 'subheading'; text: string }>
  | Readonly<{ kind: 'para'; text: string; italic?: boolean; bold?: boolean }>
  | Readonly<{ kind: 'bullet'; text: string }>
  | Readonly<{
      kind: 'table';
      head: readonly string[];
      rows: readonly (readonly string[])[];
      widths: readonly number[];
    }>
  | Readonly<{ kind: 'diagram'; svg: string; caption: string }>;

/** The whole dossier document. */
export type DossierDocument = Readonly<{
  agency: string;
  place: string;
  date: string;
  title: string;
  subtitle: string;
  draftNote: string;
  body: readonly Block[];
  appendixTitle: string;
  appendix: readonly Block[];
}>;

/** The words for each asset kind. */
export const KIND_WORD: Readonly<Record<AssetKind, string>> = {
  pc: 'Máy tính',
  printer: 'Máy in',
  router: 'Thiết bị mạng',
  camera: 'Camera',
  unknown: 'Chưa xác định',
};

/** The words for each requirement state (a word, never a colour alone). */
export const STATE_WORD: Readonly<Record<RequirementState, string>> = {
  met: 'Đạt',
  'not-met': 'Chưa đạt',
  'not-measured': 'Chưa đo',
};

const dash = (v: string | undefined) => (v === undefined || v === '' ? '—' : v);
const join = (...parts: (string | undefined)[]) =>
  dash(parts.filter((p) => p !== undefined && p !== '').join(', '));

/** One row of the hardware table (also the XLSX sheet's). */
export function assetRow(a: Asset): string[] {
  const support =
    a.supportEnd === undefined
      ? undefined
      : `${a.outOfSupport === true ? 'hết hỗ trợ từ' : 'hỗ trợ đến'} ${formatDate(a.supportEnd, 'vi')}`;
  return [
    a.ref,
    `${KIND_WORD[a.kind]}${a.gateway ? ' (cổng mạng)' : ''}${a.scanner ? ' (máy quét)' : ''}`,
    join(a.hostname, a.vendor, a.model),
    join(a.ip, a.mac),
    join(a.os, a.osBuild === undefined ? undefined : `bản dựng ${a.osBuild}`, support),
    join(
      a.antivirus?.vi === undefined ? undefined : `Diệt virus: ${a.antivirus.vi}`,
      a.firewall?.vi === undefined ? undefined : `Tường lửa: ${a.firewall.vi}`,
    ),
    a.lastUpdate === undefined ? '—' : formatDate(a.lastUpdate.slice(0, 10), 'vi'),
    join(a.user, a.room, a.assetTag === undefined ? undefined : `mã ${a.assetTag}`),
  ];
}

/** The hardware table's column titles. */
export const ASSET_HEAD = [
  'Mã',
  'Loại',
  'Tên, hãng, model',
  'IP, MAC',
  'Hệ điều hành, hạn hỗ trợ',
  'Diệt virus, tường lửa',
  'Cập nhật gần nhất',
  'Người dùng, phòng, mã tài sản',
] as const;

function legalBasis(d: Dossier): Block[] {
  if (d.regime === 'old')
    return [
      {
        kind: 'bullet',
        text: 'Nghị định 85/2016/NĐ-CP về bảo đảm an toàn hệ thống thông tin theo cấp độ.',
      },
      {
        kind: 'bullet',
        text: 'Thông tư 12/2022/TT-BTTTT (hiệu lực 1/10/2022, thay Thông tư 03/2017).',
      },
      {
        kind: 'bullet',
        text: 'TCVN 11930:2017 — yêu cầu cơ bản về an toàn hệ thống thông tin theo cấp độ.',
      },
    ];
  return [
    {
      kind: 'bullet',
      text: 'Luật An ninh mạng 2025 (Luật số 116/2025/QH15), hiệu lực từ 1/7/2026.',
    },
    {
      kind: 'bullet',
      text: 'Nghị định 331/2026/NĐ-CP [CHƯA XÁC NHẬN: mới thấy trong các mẫu hồ sơ, chưa đối chiếu văn bản chính thức].',
    },
    {
      kind: 'bullet',
      text: 'TCVN 14423:2026 [CHƯA XÁC NHẬN]: các ngưỡng trong hồ sơ này là tham khảo.',
    },
  ];
}

function overview(d: Dossier): Block[] {
  const pcs = d.assets.filter((a) => a.kind === 'pc' && a.seenBy.includes('snapshot')).length;
  return [
    { kind: 'heading', text: 'I. THÔNG TIN CHUNG' },
    {
      kind: 'para',
      text: `Tên hệ thống: Mạng nội bộ và máy tính của ${d.office || d.commune.name}, ${d.commune.name}, ${d.commune.province}.`,
    },
    { kind: 'para', text: `Đơn vị vận hành: ${d.office || `Ủy ban nhân dân ${d.commune.name}`}.` },
    {
      kind: 'para',
      text: `Số liệu: ${d.visits.length} chuyến kiểm tra (${d.visits.map((v) => formatDate(v.date, 'vi')).join(', ')}); quét mạng ${d.subnets.join(', ') || '(chưa quét)'}; ${pcs} máy tính được kiểm tra trực tiếp; ${d.assets.length} thiết bị trong danh mục.`,
    },
    { kind: 'para', text: 'Căn cứ:', bold: true },
    ...legalBasis(d),
  ];
}

function inventory(d: Dossier): Block[] {
  const unknown = d.assets.filter((a) => !a.identified);
  const pcs = d.assets.filter((a) => a.software.length > 0);
  return [
    { kind: 'heading', text: 'II. DANH MỤC TÀI SẢN' },
    { kind: 'subheading', text: '1. Phần cứng' },
    {
      kind: 'table',
      head: ASSET_HEAD,
      rows: d.assets.map(assetRow),
      widths: [0.07, 0.09, 0.14, 0.14, 0.17, 0.14, 0.12, 0.13],
    },
    { kind: 'subheading', text: '2. Thiết bị thấy trong mạng nhưng chưa xác định' },
    ...(unknown.length === 0
      ? [
          {
            kind: 'para',
            text: 'Không có: mọi thiết bị thấy trong mạng đều đã xác định loại.',
          } as const,
        ]
      : unknown.map((a): Block => ({
          kind: 'bullet',
          text: `${a.ref}: ${join(a.ip, a.mac, a.vendor)}${a.openPorts.length > 0 ? `; cổng mở ${a.openPorts.join(', ')}` : ''} — cơ quan cần xác định đây là thiết bị gì, của ai.`,
        }))),
    { kind: 'subheading', text: '3. Phần mềm trên từng máy tính' },
    ...(pcs.length === 0
      ? [{ kind: 'para', text: 'Chưa có máy tính nào được kiểm tra phần mềm.' } as const]
      : pcs.flatMap((a): Block[] => [
          { kind: 'para', text: `${a.ref} ${a.hostname ?? ''}`, bold: true },
          {
            kind: 'table',
            head: ['Loại', 'Phần mềm', 'Phiên bản'],
            rows: a.software.map((s) => [s.kind.vi, s.name, dash(s.version)]),
            widths: [0.25, 0.5, 0.25],
          },
        ])),
    { kind: 'para', text: 'Phần mềm khác (không do Xã Số đo): cơ quan bổ sung.', italic: true },
  ];
}

const RUNG_WORD: Readonly<Record<string, string>> = {
  link: 'Kết nối mạng',
  gateway: 'Cổng mạng',
  dns: 'Phân giải tên miền (DNS)',
  internet: 'Ra Internet',
};
const RUNG_STATE: Readonly<Record<string, string>> = {
  ok: 'tốt',
  warn: 'cảnh báo',
  fail: 'lỗi',
  unknown: 'chưa rõ',
};

function diagram(d: Dossier): Block[] {
  const gateway = d.assets.find((a) => a.gateway);
  const counts = (['pc', 'printer', 'camera', 'router', 'unknown'] as const)
    .map((k) => [k, d.assets.filter((a) => a.kind === k && !a.gateway).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${KIND_WORD[k].toLowerCase()}: ${n}`);
  return [
    { kind: 'heading', text: 'III. SƠ ĐỒ MẠNG' },
    {
      kind: 'diagram',
      svg: renderDiagramSvg(d),
      caption: `Hình 1. Sơ đồ mạng nội bộ vẽ từ lần quét ngày ${formatDate(d.date, 'vi')}.`,
    },
    {
      kind: 'bullet',
      text: `Mạng nội bộ: ${d.subnets.join(', ') || 'chưa quét'}; cổng mạng: ${gateway === undefined ? 'chưa xác định' : join(gateway.ip, gateway.vendor)}.`,
    },
    { kind: 'bullet', text: `Thiết bị: ${counts.join('; ') || 'chưa có'}.` },
    {
      kind: 'bullet',
      text: d.internet.measured
        ? `Đường ra Internet (đo trên ${d.internet.from ?? '?'}): ${d.internet.rungs.map((r) => `${RUNG_WORD[r.id] ?? r.id} ${RUNG_STATE[r.status] ?? r.status}`).join(' → ')}.`
        : 'Đường ra Internet: chưa đo.',
    },
    {
      kind: 'para',
      text: 'Cơ quan bổ sung: nhà mạng, loại đường truyền, thiết bị không cắm mạng khi quét, Wi-Fi.',
      italic: true,
    },
  ];
}

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
