/**
 * What a machine snapshot says about one PC's security state and software, read from its checks'
 * values (the probes in diagnostics/os and diagnostics/software). A value a probe did not give
 * stays absent: "not measured" is never "off".
 */
import { supportEnd } from '../../../diagnostics/os/os-version.js';
import type { LocalText } from '../define.js';
import type { Visit } from '../visits/schema.js';
import type { SoftwareItem } from './types.js';

type Snapshot = Visit['machines'][number]['snapshot'];
type Check = Snapshot['checks'][number];

/** The security facts of one PC. */
export type MachineState = Readonly<{
  os?: string;
  osBuild?: string;
  supportEnd?: string;
  outOfSupport?: boolean;
  antivirus?: LocalText;
  firewall?: LocalText;
  lastUpdate?: string;
}>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const list = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v)
    ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null)
    : [];

/** The check with this id, if the snapshot has one. */
export function checkOf(s: Snapshot, id: string): Check | undefined {
  return s.checks.find((c) => c.id === id);
}

/** End of support: the probe's own `supportEnd`, else the lifecycle data for the build in the name. */
function supportOf(s: Snapshot, values: Record<string, unknown>): string | undefined {
  const given = str(values['supportEnd']) ?? str(values['endOfSupport']);
  if (given !== undefined) return given;
  const build = num(values['build']) ?? Number(/\((\d{5})/.exec(s.osName)?.[1] ?? NaN);
  if (!Number.isFinite(build)) return undefined;
  const edition = str(values['editionId']);
  return supportEnd({
    caption: s.osName,
    build,
    ...(edition === undefined ? {} : { editionId: edition }),
  })?.end;
}

function osState(s: Snapshot, today: string): MachineState {
  const values = checkOf(s, 'os.version')?.values ?? checkOf(s, 'os.support')?.values ?? {};
  const build = num(values['build']);
  const ubr = num(values['ubr']);
  const end = s.platform === 'win32' ? supportOf(s, values) : undefined;
  return {
    os: str(values['osName']) ?? s.osName,
    ...(build === undefined ? {} : { osBuild: ubr === undefined ? `${build}` : `${build}.${ubr}` }),
    ...(end === undefined ? {} : { supportEnd: end, outOfSupport: end < today }),
  };
}

function antivirusText(c: Check | undefined): LocalText | undefined {
  if (c === undefined || c.status === 'unknown') return undefined;
  const products = list(c.values?.['products']);
  const on = products.filter((p) => p['enabled'] === true).map((p) => String(p['name']));
  if (on.length === 0) return { vi: 'Tắt (không có phần mềm nào bật)', en: 'Off (none enabled)' };
  const stale = products.some((p) => p['enabled'] === true && p['upToDate'] === false);
  return {
    vi: `${on.join(', ')}: bật${stale ? ', mẫu virus cũ' : ''}`,
    en: `${on.join(', ')}: on${stale ? ', definitions out of date' : ''}`,
  };
}

function firewallText(c: Check | undefined): LocalText | undefined {
  if (c === undefined || c.status === 'unknown') return undefined;
  const profiles = list(c.values?.['profiles']);
  const off = profiles.filter((p) => p['enabled'] === false).map((p) => String(p['name']));
  if (profiles.length === 0) return { vi: c.detail.vi, en: c.detail.en };
  return off.length === 0
    ? { vi: 'Bật (mọi cấu hình)', en: 'On (every profile)' }
    : { vi: `Tắt: ${off.join(', ')}`, en: `Off: ${off.join(', ')}` };
}

/** The PC's OS, support, antivirus, firewall and last update, at date `today` (YYYY-MM-DD). */
export function stateOf(s: Snapshot, today: string): MachineState {
  const av = antivirusText(checkOf(s, 'software.antivirus'));
  const fw = firewallText(checkOf(s, 'software.firewall'));
  const last = str(checkOf(s, 'software.updates')?.values?.['lastUpdate']);
  return {
    ...osState(s, today),
    ...(av === undefined ? {} : { antivirus: av }),
    ...(fw === undefined ? {} : { firewall: fw }),
    ...(last === undefined ? {} : { lastUpdate: last }),
  };
}

const KIND: Readonly<Record<string, LocalText>> = {
  'software.office': { vi: 'Văn phòng', en: 'Office' },
  'software.browsers': { vi: 'Trình duyệt', en: 'Browser' },
  'software.antivirus': { vi: 'Diệt virus', en: 'Antivirus' },
  'software.signing': { vi: 'Chữ ký số', en: 'Digital signature' },
  'software.vietnamese-input': { vi: 'Bộ gõ', en: 'Input method' },
};

/** Programs the software probes found, keyed by the values each probe keeps. */
export function softwareOf(s: Snapshot): SoftwareItem[] {
  const out: SoftwareItem[] = [];
  const add = (id: string, name: unknown, version?: unknown) => {
    const n = str(name);
    const v = str(version);
    const kind = KIND[id];
    if (n !== undefined && kind !== undefined && !out.some((x) => x.name === n))
      out.push({ name: n, kind, ...(v === undefined ? {} : { version: v }) });
  };
  for (const [id, key] of [
    ['software.office', 'suites'],
    ['software.browsers', 'browsers'],
    ['software.signing', 'found'],
    ['software.antivirus', 'products'],
  ] as const)
    for (const p of list(checkOf(s, id)?.values?.[key])) add(id, p['name'], p['version']);
  const typing = checkOf(s, 'software.vietnamese-input')?.values?.['installed'];
  if (Array.isArray(typing)) for (const name of typing) add('software.vietnamese-input', name);
  return out;
}
