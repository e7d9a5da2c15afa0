/**
 * Types of the security-by-level dossier (hồ sơ đề xuất cấp độ, shared/DOMAIN.md §5): plain
 * data built from one or more visits, rendered to DOCX and XLSX and shown in the app. No Node
 * modules here: the renderer imports these types.
 */
import type { LocalText } from '../define.js';

/** Which rules the dossier is drafted under (DOMAIN.md §5). */
export const REGIMES = ['old', 'new'] as const;
/** `old`: NĐ 85/2016 + TT 12/2022 + TCVN 11930:2017; `new`: NĐ 331/2026 + TCVN 14423:2026 [UNCONFIRMED]. */
export type Regime = (typeof REGIMES)[number];

/** What kind of device an asset is. */
export type AssetKind = 'pc' | 'printer' | 'router' | 'camera' | 'unknown';

/** One installed program of a PC, from the software probes' check values. */
export type SoftwareItem = Readonly<{ name: string; version?: string; kind: LocalText }>;

/** One device of the office: the newest state of every observation that names it. */
export type Asset = Readonly<{
  /** Stable within one dossier: `A01`, `A02`… in table order. */
  ref: string;
  kind: AssetKind;
  /** False for a device the scan saw but could not tell what it is. */
  identified: boolean;
  hostname?: string;
  vendor?: string;
  model?: string;
  serial?: string;
  ip?: string;
  mac?: string;
  os?: string;
  osBuild?: string;
  /** End of security updates (YYYY-MM-DD) from diagnostics/data/windows-lifecycle.json. */
  supportEnd?: string;
  /** True when `supportEnd` has passed at the dossier's date. */
  outOfSupport?: boolean;
  antivirus?: LocalText;
  firewall?: LocalText;
  /** Last OS update (ISO time). */
  lastUpdate?: string;
  user?: string;
  room?: string;
  assetTag?: string;
  openPorts: readonly number[];
  gateway: boolean;
  /** The machine that ran the scan (Xã Số's own laptop or the office PC it ran on). */
  scanner: boolean;
  /** Newest observation (ISO time). */
  seenAt: string;
  /** Where it was seen: a LAN scan, a machine snapshot, or both. */
  seenBy: readonly ('scan' | 'snapshot')[];
  /** Fingerprint of the snapshot, when one exists (links risks to the PC). */
  fingerprint?: string;
  software: readonly SoftwareItem[];
}>;

/** A baseline requirement's measured state. */
export type RequirementState = 'met' | 'not-met' | 'not-measured';

/** One line of the security plan (phương án bảo đảm), mapped to a baseline requirement. */
export type PlanItem = Readonly<{
  id: string;
  group: LocalText;
  title: LocalText;
  state: RequirementState;
  /** What was measured or answered, one line per device or answer. */
  evidence: readonly LocalText[];
  /** What the office must still write or do. */
  remains: LocalText;
  /** The requirement rests on an unconfirmed source (the new regime's TCVN 14423). */
  unconfirmed: boolean;
  /** Where it comes from (DOMAIN.md §5). */
  source: string;
}>;

/** One risk of the preliminary risk list, from a failed measurement or answer. */
export type Risk = Readonly<{
  id: string;
  title: LocalText;
  severity: 'high' | 'medium';
  evidence: readonly LocalText[];
  fix: LocalText;
  /** The plan item it comes from. */
  requirementId: string;
}>;

/** The proposed level: a draft the office confirms. */
export type LevelProposal = Readonly<{
  level: 1 | 2;
  reasons: readonly LocalText[];
  /** What the office must confirm (and with whom). */
  confirm: LocalText;
}>;

/** The Internet path as the network ladder measured it on the newest PC. */
export type InternetPath = Readonly<{
  measured: boolean;
  /** Rung by rung: link, gateway, DNS, Internet. */
  rungs: readonly Readonly<{ id: string; status: 'ok' | 'warn' | 'fail' | 'unknown' }>[];
  /** Where it breaks, when it does. */
  breaksAt?: string;
  /** Which PC it was measured on. */
  from?: string;
}>;

/** The whole dossier. */
export type Dossier = Readonly<{
  regime: Regime;
  commune: Readonly<{ name: string; province: string }>;
  office: string;
  /** Date of the newest visit (YYYY-MM-DD): the dossier's date. */
  date: string;
  visits: readonly Readonly<{ id: string; date: string }>[];
  subnets: readonly string[];
  gatewayIp?: string;
  assets: readonly Asset[];
  internet: InternetPath;
  level: LevelProposal;
  risks: readonly Risk[];
  plan: readonly PlanItem[];
  /** The security-baseline checklist run the answers came from, when there was one. */
  baselineRun?: Readonly<{ runId: string; date: string; version: string }>;
}>;
