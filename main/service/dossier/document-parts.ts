/**
 * The first sections of the dossier document: general information with the legal basis, the
 * asset inventory (hardware, unidentified devices, software per PC) and the network diagram.
 */
import { formatDate } from '../vocabulary.js';
import { renderDiagramSvg } from './diagram.js';
import type { Block } from './document-types.js';
import type { Dossier } from './types.js';
import { ASSET_HEAD, KIND_WORD, assetRow, dash, join } from './words.js';

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

export function overview(d: Dossier): Block[] {
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

export function inventory(d: Dossier): Block[] {
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

export function diagram(d: Dossier): Block[] {
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
