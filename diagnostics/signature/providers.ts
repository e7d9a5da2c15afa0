/**
 * Digital-signature providers as data: token USB vendors, PKCS#11 module files, software names
 * and, only where a CA's own page says it, how many wrong PINs lock a token. Facts and sources: shared/DOMAIN.md §1–§2.
 */
import type { LocalText } from '../types.js';

/** A provider of signing tokens and software, or a generic driver that serves many CAs. */
export type SignatureProvider = Readonly<{
  id: string;
  name: string;
  /**
   * `ca`: a certificate authority's own driver. `generic`: a vendor driver (SafeNet, OpenSC,
   * Feitian) that serves tokens of several CAs, so finding it says nothing about which CA.
   */
  kind: 'ca' | 'generic';
  /** PKCS#11 module files (Windows: names in System32/SysWOW64; Linux: absolute paths). */
  windowsModules: readonly string[];
  linuxModules: readonly string[];
  /**
   * Wrong PIN tries before the token locks, only when the CA's own page says so. Resellers'
   * blogs are not enough: without it the warning says "có thể chỉ còn 3 lần thử".
   */
  pinTries?: Readonly<{ count: number; source: string }>;
}>;

/** The check id suffix of every generic driver (`signature.pkcs11-modules.generic`). */
export const GENERIC_PROVIDER = 'generic';

/**
 * Known providers. Module names: DOMAIN.md §2.2 (gclib.dll is in the VNPT integration list;
 * eTPKCS11.dll is SafeNet Authentication Client, used for tokens of several CAs).
 */
export const PROVIDERS: readonly SignatureProvider[] = [
  {
    id: 'vgca',
    name: 'Ban Cơ yếu Chính phủ (VGCA)',
    kind: 'ca',
    // The Bit4id kit VGCA ships ("bit4id_xpki…-vgca-pkimgr", DOMAIN.md §1.1).
    windowsModules: ['bit4xpki.dll'],
    linuxModules: ['/usr/lib/libbit4xpki.so'],
  },
  {
    id: 'vnpt',
    name: 'VNPT-CA',
    kind: 'ca',
    windowsModules: [
      'vnpt-ca_csp11.dll',
      'vnptca_p11_v5.dll',
      'vnptca_p11_v6.dll',
      'vnptca_p11_v7.dll',
      'vnptca_p11_v8.dll',
      'vnptca_p11_v81.dll',
      'vnptca_p11_v10.dll',
      'vnptcav2_p11_v8.dll',
      'VNPTCACardv8csp11.dll',
      'VNPT-CA_v34.dll',
      'vnpt-ca_cl_v1.dll',
      'gclib.dll',
    ],
    linuxModules: [],
  },
  {
    id: 'viettel',
    name: 'Viettel-CA',
    kind: 'ca',
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
  },
  {
    id: 'bkav',
    name: 'BKAV-CA',
    kind: 'ca',
    windowsModules: ['BkavCA.dll', 'BkavCAv25.dll', 'BkavCAv2T.dll', 'st3csp11.dll'],
    linuxModules: [],
  },
  {
    id: 'fpt',
    name: 'FPT-CA',
    kind: 'ca',
    windowsModules: [
      'fpt-ca.dll',
      'fpt-ca-stx.dll',
      'fptca_v3.dll',
      'fptca_v4.dll',
      'fptca_v5.dll',
      'fptca_v6.dll',
    ],
    linuxModules: [],
  },
  {
    id: 'newca',
    name: 'NewCA',
    kind: 'ca',
    windowsModules: ['newca_v4.dll'],
    linuxModules: [],
  },
  {
    id: 'ca2',
    name: 'CA2 / Nacencomm',
    kind: 'ca',
    windowsModules: ['CA2_v34.dll', 'CA2_csp11.dll', 'nca_v6.dll', 'ncca_csp11_v1.dll'],
    linuxModules: [],
  },
  {
    id: 'misa',
    name: 'MISA eSign',
    kind: 'ca',
    windowsModules: ['misaca_csp11_v2.dll'],
    linuxModules: [],
  },
  {
    id: 'safe',
    name: 'SAFE-CA',
    kind: 'ca',
    windowsModules: ['safe-ca.dll'],
    linuxModules: [],
  },
  {
    id: 'vina',
    name: 'Vina-CA (SmartSign)',
    kind: 'ca',
    windowsModules: ['Vina-CA.dll', 'Vina-CAv3.dll', 'Vina-CAv4.dll', 'Vina-CAv5.dll'],
    linuxModules: [],
  },
  {
    id: 'safenet',
    name: 'SafeNet Authentication Client',
    kind: 'generic',
    windowsModules: ['eTPKCS11.dll', 'eToken.dll'],
    linuxModules: ['/usr/lib/libeTPkcs11.so'],
  },
  {
    id: 'feitian',
    name: 'Feitian ePass2003',
    kind: 'generic',
    windowsModules: ['eps2003csp11.dll', 'ShuttleCsp11_3003.dll'],
    linuxModules: [],
  },
  {
    id: 'opensc',
    name: 'OpenSC',
    kind: 'generic',
    windowsModules: ['opensc-pkcs11.dll'],
    linuxModules: [
      '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so',
      '/usr/lib/x86_64-linux-gnu/pkcs11/opensc-pkcs11.so',
    ],
  },
];

/** The provider with this id (`undefined` for an unknown id). */
export function providerById(id: string): SignatureProvider | undefined {
  return PROVIDERS.find((p) => p.id === id);
}

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
 * enters or tries a PIN. The number of tries is never quoted from a reseller: unless the CA's
 * own page gives it, the warning says "có thể chỉ còn 3 lần thử" (the lowest count seen, VGCA).
 */
export function pinWarning(provider?: SignatureProvider): LocalText {
  const tries = provider?.pinTries;
  const vi =
    tries === undefined
      ? 'Gõ sai nhiều lần sẽ khoá token — có thể chỉ còn 3 lần thử.'
      : `Gõ sai ${tries.count} lần sẽ khoá token ${provider?.name ?? ''} (theo trang của CA).`;
  const en =
    tries === undefined
      ? 'Wrong tries lock the token — there may be only 3 tries.'
      : `${tries.count} wrong tries lock the ${provider?.name ?? ''} token (per the CA's page).`;
  return {
    vi: `Trước khi gõ mã PIN: tắt gõ tiếng Việt (Unikey/EVKey) và tắt Caps Lock. ${vi} Không đoán mã PIN. Xã Số không bao giờ tự nhập hay thử mã PIN.`,
    en: `Before typing the PIN: switch off Vietnamese typing (Unikey/EVKey) and Caps Lock. ${en} Do not guess the PIN. Xã Số never types or tries a PIN.`,
  };
}

/** Every known Windows module name, with its provider. */
export function windowsModuleNames(): { file: string; provider: string }[] {
  return PROVIDERS.flatMap((p) => p.windowsModules.map((file) => ({ file, provider: p.id })));
}
