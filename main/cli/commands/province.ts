import type { ProvinceView } from '../../service/province/contract.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { printResult } from '../print.js';

type Lang = 'vi' | 'en';

const ROLE: Readonly<Record<string, { vi: string; en: string }>> = {
  dost: { vi: 'Sở KH&CN', en: 'Dept. of Science and Technology' },
  'ban-co-yeu': { vi: 'Đầu mối Ban Cơ yếu', en: 'Government Cipher Committee focal point' },
  'police-cyber': { vi: 'Công an tỉnh (an ninh mạng)', en: 'Provincial police (cyber-security)' },
  'it-centre': { vi: 'Trung tâm CNTT tỉnh', en: 'Provincial IT centre' },
  hotline: { vi: 'Đường dây nóng', en: 'Hotline' },
  other: { vi: 'Khác', en: 'Other' },
};

/** Readable lines of a province pack: portals, CAs, apps, contacts, what is not confirmed. */
export function formatProvince(view: ProvinceView, lang: Lang): string[] {
  const { pack } = view;
  const vi = lang === 'vi';
  const none = vi ? '(chưa có — chưa xác nhận)' : '(none — unconfirmed)';
  const systems = Object.values(pack.portals).flatMap((s) =>
    s === undefined ? [] : [`  ${s.name[lang]}: ${s.url}`],
  );
  return [
    `${pack.province.name[lang]} (${pack.province.code}) — ${vi ? 'phát hành' : 'published'} ${view.publishedAt} ${vi ? 'bởi' : 'by'} ${pack.publisher.name}, ${vi ? 'khoá' : 'key'} ${view.keyId}`,
    `${vi ? 'Hệ thống của tỉnh' : 'Provincial systems'}:`,
    ...(systems.length === 0 ? [`  ${none}`] : systems),
    `${vi ? 'CA và token tỉnh cấp' : 'CAs and tokens issued'}:`,
    ...(pack.cas.length === 0
      ? [`  ${none}`]
      : pack.cas.map(
          (c) => `  ${c.name}${c.tokenModels.length === 0 ? '' : ` (${c.tokenModels.join(', ')})`}`,
        )),
    `${vi ? 'Ứng dụng của tỉnh' : 'Provincial apps'}:`,
    ...(pack.apps.length === 0
      ? [`  ${none}`]
      : pack.apps.map((a) => `  ${a.name}: ${a.purpose[lang]}`)),
    `${vi ? 'Liên hệ' : 'Contacts'}:`,
    ...(pack.contacts.length === 0
      ? [`  ${none}`]
      : pack.contacts.map(
          (c) =>
            `  ${ROLE[c.role]?.[lang] ?? c.role}: ${c.name[lang]}${c.phone === undefined ? '' : ` — ${c.phone}`}${c.email === undefined ? '' : ` — ${c.email}`}`,
        )),
    ...(pack.unconfirmed.length === 0
      ? []
      : [
          `${vi ? 'Chưa xác nhận' : 'Unconfirmed'}:`,
          ...pack.unconfirmed.map((u) => `  ${u.field}: ${u.note[lang]}`),
        ]),
  ];
}

/** `xaso province import FILE` / `xaso province show`: the province pack. */
export const provinceCommand: Command = {
  name: 'province',
  summary: {
    vi: 'Gói dữ liệu tỉnh: nhập (kiểm tra chữ ký) hoặc xem',
    en: 'Province pack: import (signature checked) or show',
  },
  usage: [
    'xaso province import FILE [--replace-publisher] [--json]',
    'xaso province show [--json]',
  ],
  flags: ['replace-publisher?'],
  async run(args, io) {
    const [sub, file, ...rest] = args.positionals;
    const vi = io.lang === 'vi';
    if (sub === 'show' && file === undefined) {
      const r = await io.service.invoke('province:get', {}, { signal: io.signal });
      return printResult(io, r, (v) =>
        v.province === null
          ? [
              vi
                ? 'Chưa nhập gói dữ liệu tỉnh nào (xaso province import TỆP).'
                : 'No province pack imported yet (xaso province import FILE).',
            ]
          : formatProvince(v.province, io.lang),
      );
    }
    if (sub === 'import' && file !== undefined && rest.length === 0) {
      const replacePublisher = args.flags['replace-publisher'] === true;
      const r = await io.service.invoke(
        'province:import',
        { path: file, replacePublisher },
        { signal: io.signal },
      );
      return printResult(io, r, (v) => [
        {
          new: vi ? 'Đã nhập gói dữ liệu tỉnh.' : 'Province pack imported.',
          update: vi ? 'Đã cập nhật gói dữ liệu tỉnh.' : 'Province pack updated.',
          replaced: vi
            ? `Đã thay gói ${v.previous?.province ?? ''} trước đó.`
            : `Replaced the previous ${v.previous?.province ?? ''} pack.`,
        }[v.action],
        ...formatProvince(v.province, io.lang),
      ]);
    }
    throw new UsageError({
      vi: 'Dùng: xaso province import TỆP | xaso province show',
      en: 'Usage: xaso province import FILE | xaso province show',
    });
  },
};
