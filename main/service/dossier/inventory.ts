/**
 * The asset inventory (danh mục tài sản) from the visits' LAN scans and machine snapshots.
 * Observations that share a key are one device: the asset tag, the hardware fingerprint, the
 * MAC address, or the computer name (a snapshot's hostname is the NetBIOS name a scan reads).
 * Fields are taken oldest first, so the newest observation of each field wins.
 */
import type { Visit, VisitMachine } from '../visits/schema.js';
import { softwareOf, stateOf, type MachineState } from './machine-state.js';
import type { Asset, AssetKind } from './types.js';

type ScanHost = Visit['scans'][number]['hosts'][number];

/** One sighting of a device, by a scan or by a snapshot. */
type Observation = Readonly<{
  at: string;
  keys: readonly string[];
  scan?: ScanHost;
  machine?: VisitMachine;
}>;

type Draft = { -readonly [K in keyof Asset]: Asset[K] };

const KINDS: readonly AssetKind[] = ['pc', 'printer', 'router', 'camera', 'unknown'];
const kindOf = (t: string): AssetKind =>
  (KINDS as readonly string[]).includes(t) ? (t as AssetKind) : 'unknown';
const lower = (s: string | undefined) =>
  s === undefined || s === '' ? undefined : s.toLowerCase();
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function scanKeys(host: ScanHost): string[] {
  const keys: string[] = [];
  const mac = lower(host.mac);
  const netbios = (host as { netbios?: { name?: unknown } }).netbios;
  const name = lower(str(netbios?.name) ?? host.hostname?.split('.')[0]);
  if (mac !== undefined) keys.push(`mac:${mac}`);
  if (name !== undefined) keys.push(`host:${name}`);
  // Without a MAC or a name, the address is all there is (it may change with DHCP).
  if (keys.length === 0) keys.push(`ip:${host.ip}`);
  return keys;
}

function machineKeys(m: VisitMachine): string[] {
  const keys = [`fp:${m.snapshot.machine.fingerprint}`];
  const tag = m.assetTag ?? m.snapshot.machine.assetTag;
  if (tag !== undefined && tag !== '') keys.push(`tag:${tag.toLowerCase()}`);
  const host = lower(m.snapshot.machine.hostname);
  if (host !== undefined) keys.push(`host:${host}`);
  return keys;
}

function observationsOf(visits: readonly Visit[]): Observation[] {
  const out: Observation[] = [];
  for (const visit of visits) {
    for (const scan of visit.scans)
      for (const host of scan.hosts)
        out.push({ at: scan.startedAt, keys: scanKeys(host), scan: host });
    for (const m of visit.machines)
      out.push({ at: m.snapshot.takenAt, keys: machineKeys(m), machine: m });
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

/** Groups observations that share any key (union–find over the keys). */
function group(observations: readonly Observation[]): Observation[][] {
  const parent = observations.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const byKey = new Map<string, number>();
  observations.forEach((o, i) => {
    for (const key of o.keys) {
      const j = byKey.get(key);
      if (j === undefined) byKey.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Observation[]>();
  observations.forEach((o, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), o]);
  });
  return [...groups.values()];
}

function applyScan(a: Draft, h: ScanHost): void {
  const flags = h as { gateway?: unknown; self?: unknown };
  a.ip = h.ip;
  if (h.mac !== undefined) a.mac = h.mac.toLowerCase();
  if (h.vendor !== undefined) a.vendor = h.vendor;
  if (h.hostname !== undefined && a.hostname === undefined) a.hostname = h.hostname;
  if (kindOf(h.deviceType) !== 'unknown' || a.kind === 'unknown') a.kind = kindOf(h.deviceType);
  if (flags.gateway === true) a.kind = 'router';
  a.openPorts = [...h.openPorts];
  a.gateway ||= flags.gateway === true;
  a.scanner ||= flags.self === true;
}

function applyMachine(a: Draft, m: VisitMachine, today: string): void {
  const s = m.snapshot;
  const st: MachineState = stateOf(s, today);
  a.kind = 'pc';
  a.hostname = s.machine.hostname;
  a.fingerprint = s.machine.fingerprint;
  for (const [k, v] of [
    ['vendor', str(s.machine.manufacturer)],
    ['model', str(s.machine.model)],
    ['serial', str(s.machine.serial)],
    ['assetTag', m.assetTag ?? str(s.machine.assetTag)],
    ['user', m.user],
    ['room', m.room],
    ['os', st.os],
    ['osBuild', st.osBuild],
    ['supportEnd', st.supportEnd],
    ['lastUpdate', st.lastUpdate],
  ] as const)
    if (v !== undefined) a[k] = v;
  if (st.outOfSupport !== undefined) a.outOfSupport = st.outOfSupport;
  if (st.antivirus !== undefined) a.antivirus = st.antivirus;
  if (st.firewall !== undefined) a.firewall = st.firewall;
  a.software = softwareOf(s);
}

/** One device and the newest snapshot of it (PCs only). */
export type InventoryEntry = Readonly<{ asset: Asset; snapshot?: VisitMachine['snapshot'] }>;

function merge(group: readonly Observation[], today: string): InventoryEntry {
  const a: Draft = {
    ref: '',
    kind: 'unknown',
    identified: false,
    openPorts: [],
    gateway: false,
    scanner: false,
    seenAt: '',
    seenBy: [],
    software: [],
  };
  const seen = new Set<'scan' | 'snapshot'>();
  let snapshot: VisitMachine['snapshot'] | undefined;
  for (const o of group) {
    if (o.scan !== undefined) applyScan(a, o.scan);
    if (o.machine !== undefined) {
      applyMachine(a, o.machine, today);
      snapshot = o.machine.snapshot;
    }
    seen.add(o.scan !== undefined ? 'scan' : 'snapshot');
    a.seenAt = o.at;
  }
  a.seenBy = (['scan', 'snapshot'] as const).filter((s) => seen.has(s));
  a.identified = a.kind !== 'unknown' || seen.has('snapshot');
  return snapshot === undefined ? { asset: a } : { asset: a, snapshot };
}

const ORDER: Readonly<Record<AssetKind, number>> = {
  router: 0,
  pc: 1,
  printer: 2,
  camera: 3,
  unknown: 4,
};

function ipNumber(ip: string | undefined): number {
  const parts = (ip ?? '').split('.').map(Number);
  return parts.length === 4 ? parts.reduce((n, p) => n * 256 + p, 0) : Number.MAX_SAFE_INTEGER;
}

/**
 * Every device of the visits, gateway first, then PCs, printers, cameras and unidentified
 * devices, each by address. `today` (YYYY-MM-DD) decides which Windows builds are out of support.
 */
export function buildInventory(visits: readonly Visit[], today: string): InventoryEntry[] {
  return group(observationsOf(visits))
    .map((g) => merge(g, today))
    .sort(
      ({ asset: x }, { asset: y }) =>
        Number(y.gateway) - Number(x.gateway) ||
        ORDER[x.kind] - ORDER[y.kind] ||
        ipNumber(x.ip) - ipNumber(y.ip) ||
        (x.hostname ?? '').localeCompare(y.hostname ?? ''),
    )
    .map((e, i) => ({ ...e, asset: { ...e.asset, ref: `A${String(i + 1).padStart(2, '0')}` } }));
}
