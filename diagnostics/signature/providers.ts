/**
 * Digital-signature providers as data: token USB vendors, PKCS#11 module files, software names
 * and how many wrong PINs lock a token. Facts and sources: shared/DOMAIN.md §1–§2.
 */
import type { LocalText } from '../types.js';

/** A provider of signing tokens and software. */
export type SignatureProvider = Readonly<{
  id: string;
  name: string;
  /** PKCS#11 module files (Windows: names in System32/SysWOW64; Linux: absolute paths). */
  windowsModules: readonly string[];
  linuxModules: readonly string[];
  /** Wrong PIN tries before the token locks, and where that number comes from. */
  pinTries: number;
  pinSource: string;
}>;

const MOST_CAS =
  'DOMAIN.md §1.6.4 — "5 (most CAs)", https://efyca.vn/chu-ky-so-bi-khoa-%E2%80%93-nguyen-nhan-va-cach-khac-phuc.html';

/** Known providers (DOMAIN.md §2.2 module names; labels of some are unverified there). */
export const PROVIDERS: readonly SignatureProvider[] = [
  {
    id: 'vgca',
    name: 'Ban Cơ yếu Chính phủ (VGCA)',
    windowsModules: ['gclib.dll', 'eTPKCS11.dll', 'bit4xpki.dll'],
    linuxModules: ['/usr/lib/libeTPkcs11.so', '/usr/lib/libbit4xpki.so'],
    pinTries: 3,
    pinSource: 'DOMAIN.md §1.1 (Tuyên Quang guide): 3 wrong PINs lock the token',
  },
  {
    id: 'vnpt',
    name: 'VNPT-CA',
    windowsModules: [
      'vnpt-ca_csp11.dll',
      'vnptca_p11_v6.dll',
      'vnptca_p11_v7.dll',
      'vnptca_p11_v8.dll',
      'vnptca_p11_v10.dll',
      'vnptcav2_p11_v8.dll',
      'VNPT-CA_v34.dll',
      'vnpt-ca_cl_v1.dll',
    ],
    linuxModules: [],
    pinTries: 5,
    pinSource: MOST_CAS,
  },
  {
    id: 'viettel',
    name: 'Viettel-CA',
    windowsModules: [
      'viettel-ca.dll',
      'viettel-ca_v1.dll',
      'viettel-ca_v2.dll',
      'viettel-ca_v3.dll',
      'viettel-ca_v4.dll',
      'viettel-ca_v5.dll',
      'viettel-ca_v6.dll',
    ],
    linuxModules: [],
    pinTries: 5,
    pinSource: 'DOMAIN.md §1.3, https://chukysoviettel-ca.com/about/',
  },
  {
    id: 'bkav',
    name: 'BKAV-CA',
    windowsModules: ['BkavCA.dll', 'BkavCAv25.dll', 'BkavCAv2T.dll', 'st3csp11.dll'],
    linuxModules: [],
    pinTries: 5,
    pinSource: MOST_CAS,
  },
  {
    id: 'fpt',
    name: 'FPT-CA',
    windowsModules: [
      'fpt-ca.dll',
      'fpt-ca-stx.dll',
      'fptca_v3.dll',
      'fptca_v4.dll',
      'fptca_v5.dll',
      'fptca_v6.dll',
    ],
    linuxModules: [],
    pinTries: 5,
    pinSource: MOST_CAS,
  },
  {
    id: 'newtel',
    name: 'Newtel-CA',
    windowsModules: ['newca_v4.dll'],
    linuxModules: [],
    pinTries: 8,
    pinSource: 'DOMAIN.md §1.5, https://chukysocongty.com/huong-dan/chu-ky-so-newtel-bi-khoa/',
  },
  {
    id: 'ca2',
    name: 'CA2 / Nacencomm',
    windowsModules: ['CA2_v34.dll', 'CA2_csp11.dll', 'nca_v6.dll', 'ncca_csp11_v1.dll'],
    linuxModules: [],
    pinTries: 5,
    pinSource: MOST_CAS,
  },
  {
    id: 'misa',
    name: 'MISA eSign',
    windowsModules: ['misaca_csp11_v2.dll'],
    linuxModules: [],
    pinTries: 5,
    pinSource: MOST_CAS,
  },
  {
    id: 'safe',
    name: 'SAFE-CA',
    windowsModules: ['safe-ca.dll'],
    linuxModules: [],
    pinTries: 5,
    pinSource: MOST_CAS,
  },
  {
    id: 'vina',
    name: 'Vina-CA (SmartSign)',
    windowsModules: ['Vina-CA.dll', 'Vina-CAv3.dll', 'Vina-CAv4.dll', 'Vina-CAv5.dll'],
    linuxModules: [],
    pinTries: 5,
    pinSource: MOST_CAS,
  },
  {
    id: 'feitian',
    name: 'Feitian ePass2003 (generic)',
    windowsModules: ['eps2003csp11.dll', 'ShuttleCsp11_3003.dll'],
    linuxModules: [],
    pinTries: 5,
    pinSource: MOST_CAS,
  },
  {
    id: 'opensc',
    name: 'OpenSC (generic smart cards)',
    windowsModules: ['opensc-pkcs11.dll'],
    linuxModules: [
      '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so',
      '/usr/lib/x86_64-linux-gnu/pkcs11/opensc-pkcs11.so',
    ],
    pinTries: 5,
    pinSource: MOST_CAS,
  },
];

/** USB vendor IDs of signing tokens (DOMAIN.md §2.1; detect by VID, never whitelist PIDs). */
export const TOKEN_VENDORS: Readonly<Record<string, string>> = {
  '096E': 'Feitian',
  '0529': 'Aladdin / SafeNet',
  '08E6': 'Gemalto / Thales (SafeNet)',
  '25DD': 'Bit4id',
  '163C': 'Watchdata',
  '24DC': 'Aladdin R.D. (JaCarta)',
};

/**
 * The warning shown before any step where a person types a token PIN. The app itself never
 * enters or tries a PIN (a few wrong tries lock the token for good).
 */
export function pinWarning(provider?: SignatureProvider): LocalText {
  const limits = provider
    ? `${provider.name}: ${provider.pinTries}`
    : PROVIDERS.filter((p) => ['vgca', 'viettel', 'newtel'].includes(p.id))
        .map((p) => `${p.name}: ${p.pinTries}`)
        .join(', ');
  return {
    vi: `Trước khi gõ mã PIN: tắt gõ tiếng Việt (Unikey/EVKey) và tắt Caps Lock. Gõ sai nhiều lần sẽ khoá token (${limits} lần; phần lớn CA khác: 5). Xã Số không bao giờ tự nhập hay thử mã PIN.`,
    en: `Before typing the PIN: switch off Vietnamese typing (Unikey/EVKey) and Caps Lock. Too many wrong tries lock the token (${limits}; most other CAs: 5). Xã Số never types or tries a PIN.`,
  };
}

/** Every known Windows module name, with its provider. */
export function windowsModuleNames(): { file: string; provider: string }[] {
  return PROVIDERS.flatMap((p) => p.windowsModules.map((file) => ({ file, provider: p.id })));
}
