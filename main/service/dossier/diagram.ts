/**
 * The network diagram (sơ đồ mạng) as SVG, drawn from the dossier: the Internet, the path the
 * network ladder measured to it, the gateway, the subnet, and the devices in one column per type.
 * Every status is a word as well as a colour (it must read in grey print). Pure string building:
 * the app shows the SVG as is; the DOCX embeds it with a PNG rendering (raster.ts).
 */
import type { Asset, AssetKind, Dossier } from './types.js';

const W = 1000;
const BOX_W = 210;
const BOX_H = 58;
const GAP = 12;
const TOP_DEVICES = 330;
// Tinos is the documents' serif (reports/fonts.ts), metric twin of Times New Roman.
const FONT = "Tinos, 'Times New Roman', serif";

const COLUMN_TITLE: Readonly<Record<AssetKind, string>> = {
  pc: 'Máy tính',
  printer: 'Máy in',
  camera: 'Camera',
  router: 'Thiết bị mạng khác',
  unknown: 'Chưa xác định',
};
const COLUMN_ORDER: readonly AssetKind[] = ['pc', 'printer', 'camera', 'router', 'unknown'];
const RUNG_WORD: Readonly<Record<string, string>> = {
  link: 'kết nối mạng',
  gateway: 'cổng mạng',
  dns: 'phân giải tên miền (DNS)',
  internet: 'Internet',
};

/** `text` cut to `max` characters (by code point), with an ellipsis. */
function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** Text safe inside SVG markup, cut to `max` characters. */
export function xml(text: string, max = 60): string {
  return cut(text, max).replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function label(
  x: number,
  y: number,
  text: string,
  size = 14,
  weight = 400,
  fill = '#1b1b1b',
  anchor: 'middle' | 'start' = 'middle',
): string {
  return `<text x="${x}" y="${y}" font-family="${FONT}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="${anchor}">${xml(text, 140)}</text>`;
}

function exposed(a: Asset): string | undefined {
  if (a.scanner) return undefined;
  const open = [
    a.openPorts.includes(3389) ? 'RDP 3389' : '',
    a.openPorts.includes(445) ? 'SMB 445' : '',
  ]
    .filter(Boolean)
    .join(', ');
  return open === '' ? undefined : `Cảnh báo: mở ${open}`;
}

function deviceBox(a: Asset, x: number, y: number): string {
  const warn = exposed(a);
  const stroke = warn !== undefined ? '#b3261e' : a.identified ? '#2f5597' : '#7a7a7a';
  const dash = a.identified ? '' : ' stroke-dasharray="6 4"';
  const name =
    a.hostname ??
    (a.scanner ? 'Máy quét' : a.identified ? COLUMN_TITLE[a.kind] : 'Thiết bị chưa xác định');
  const second = [a.ip, a.scanner ? 'Xã Số' : a.vendor].filter(Boolean).join(' · ');
  return [
    `<rect x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="6" fill="#ffffff" stroke="${stroke}" stroke-width="2"${dash}/>`,
    label(x + BOX_W / 2, y + 20, cut(`${a.ref} ${name}`, 26), 13, 700),
    label(x + BOX_W / 2, y + 37, cut(second || '—', 32), 12),
    warn === undefined ? '' : label(x + BOX_W / 2, y + 52, warn, 11, 700, '#b3261e'),
  ].join('');
}

function internetLine(d: Dossier): string {
  if (!d.internet.measured) return 'Đường ra Internet: chưa đo';
  if (d.internet.breaksAt === undefined)
    return `Đường ra Internet: thông (đo trên ${d.internet.from ?? '?'})`;
  return `Đường ra Internet: lỗi ở ${RUNG_WORD[d.internet.breaksAt] ?? d.internet.breaksAt} (đo trên ${d.internet.from ?? '?'})`;
}

/** The diagram as a standalone SVG document (width 1000, height from the longest column). */
export function renderDiagramSvg(d: Dossier): string {
  const gateway = d.assets.find((a) => a.gateway) ?? d.assets.find((a) => a.kind === 'router');
  const others = d.assets.filter((a) => a !== gateway);
  const kinds = COLUMN_ORDER.filter((k) => others.some((a) => a.kind === k));
  const columns = kinds.map((k) => others.filter((a) => a.kind === k));
  const rows = Math.max(1, ...columns.map((c) => c.length));
  const H = TOP_DEVICES + 40 + rows * (BOX_H + GAP) + 30;
  const colW = W / Math.max(1, columns.length);
  const broken = d.internet.measured && d.internet.breaksAt !== undefined;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<ellipse cx="${W / 2}" cy="45" rx="110" ry="32" fill="#eef3fb" stroke="#2f5597" stroke-width="2"/>`,
    label(W / 2, 51, 'Internet', 18, 700),
    `<line x1="${W / 2}" y1="77" x2="${W / 2}" y2="140" stroke="${broken ? '#b3261e' : '#2f5597'}" stroke-width="3"${broken ? ' stroke-dasharray="8 6"' : ''}/>`,
    `<text x="${W / 2 + 12}" y="114" font-family="${FONT}" font-size="13" fill="#1b1b1b">${xml(internetLine(d), 90)}</text>`,
    `<rect x="${W / 2 - 150}" y="140" width="300" height="64" rx="8" fill="#eef3fb" stroke="#2f5597" stroke-width="2"/>`,
    label(W / 2, 165, 'Cổng mạng (bộ định tuyến)', 15, 700),
    label(
      W / 2,
      188,
      gateway === undefined
        ? 'chưa xác định'
        : [gateway.ref, gateway.ip, gateway.vendor].filter(Boolean).join(' · '),
      13,
    ),
    `<line x1="${W / 2}" y1="204" x2="${W / 2}" y2="260" stroke="#2f5597" stroke-width="3"/>`,
    `<line x1="40" y1="260" x2="${W - 40}" y2="260" stroke="#2f5597" stroke-width="6"/>`,
    label(
      48,
      248,
      `Mạng nội bộ ${d.subnets.join(', ') || '(chưa quét)'}`,
      14,
      700,
      '#1b1b1b',
      'start',
    ),
  ];
  columns.forEach((col, i) => {
    const cx = colW * i + colW / 2;
    const kind = kinds[i] ?? 'unknown';
    parts.push(
      `<line x1="${cx}" y1="260" x2="${cx}" y2="${TOP_DEVICES - 8}" stroke="#2f5597" stroke-width="2"/>`,
    );
    parts.push(label(cx, TOP_DEVICES + 8, `${COLUMN_TITLE[kind]} (${col.length})`, 14, 700));
    col.forEach((a, j) =>
      parts.push(deviceBox(a, cx - BOX_W / 2, TOP_DEVICES + 24 + j * (BOX_H + GAP))),
    );
  });
  parts.push(
    label(
      W / 2,
      H - 10,
      'Khung nét đứt: thiết bị chưa xác định · chữ đỏ: dịch vụ mở cho cả mạng · vẽ từ lần quét mạng của Xã Số',
      12,
      400,
      '#444444',
    ),
    '</svg>',
  );
  return parts.join('\n');
}
