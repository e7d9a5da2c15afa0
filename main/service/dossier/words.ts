/**
 * The dossier's words (asset kinds, requirement states) and its hardware row, shared by the
 * DOCX sections and the XLSX sheets. Vietnamese: the dossier is filed with the authorities.
 */
import { formatDate } from '../vocabulary.js';
import type { Asset, AssetKind, RequirementState } from './types.js';

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

/** `—` for a missing or empty value. */
export const dash = (v: string | undefined) => (v === undefined || v === '' ? '—' : v);
/** The given parts, comma separated, or `—` when none. */
export const join = (...parts: (string | undefined)[]) =>
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
