/**
 * Types of the network diagnosis: interfaces, the reachability ladder, endpoints, latency.
 * Plain data: they cross IPC/HTTP/CLI and are saved with visits.
 */
import type { CheckStatus, LocalText } from '../text/types.js';

/** What an interface is. */
export type InterfaceKind = 'wired' | 'wifi' | 'virtual' | 'loopback' | 'other';

/** One IPv4 address of an interface. */
export type Ipv4Address = Readonly<{ address: string; prefix: number; dhcp?: boolean }>;

/** One network interface. */
export type NetInterface = Readonly<{
  name: string;
  description?: string;
  kind: InterfaceKind;
  up: boolean;
  mac?: string;
  speedMbps?: number;
  ipv4: readonly Ipv4Address[];
  gateway?: string;
  dns: readonly string[];
  /** Wi-Fi facts where the OS gives them without localized text. */
  wifi?: WifiInfo;
}>;

/** How strong a Wi-Fi signal is (thresholds in `wifi-signal.ts`). */
export type SignalLevel = 'strong' | 'fair' | 'weak';

/** Why the Wi-Fi signal could not be read on a connected adapter. */
/**
 * Why the Wi-Fi signal is unknown: Windows' location permission is off; the WLAN API failed; or
 * the PC is locked down (AppLocker/WDAC Constrained Language Mode forbids the WLAN reader).
 */
export type WifiUnavailableReason = 'location-permission' | 'wlan-error' | 'locked-down';

/** The current Wi-Fi connection of one adapter, as far as the OS tells it. */
export type WifiInfo = Readonly<{
  /** Signal in dBm (Linux: measured; Windows: estimated from the quality when `estimated`). */
  signalDbm?: number;
  /** Windows WLAN signal quality 0–100. */
  signalPercent?: number;
  /** True when `signalDbm` is computed from `signalPercent` (quality = 2 × (dBm + 100)). */
  estimated?: boolean;
  /** Strong/fair/weak from the measured figure. */
  level?: SignalLevel;
  ssid?: string;
  bssid?: string;
  /** `2.4 GHz`, `5 GHz`, `6 GHz`, or `5/6 GHz` when the channel alone cannot tell. */
  band?: string;
  channel?: number;
  frequencyMhz?: number;
  /** 802.11 generation, e.g. `802.11ax (Wi-Fi 6)`. */
  phy?: string;
  rxMbps?: number;
  txMbps?: number;
  /** Set when the adapter is connected but its signal could not be read. */
  unavailable?: WifiUnavailableReason;
  /** Raw detail of the failure (Win32 error code or message), for the technician. */
  unavailableDetail?: string;
}>;

/** Proxy settings in effect for this user. */
export type ProxySettings = Readonly<{
  enabled: boolean;
  /** `host:port` or the Windows `http=…;https=…` form. */
  server?: string;
  /** PAC script URL (Windows "Use setup script"). */
  autoConfigUrl?: string;
  bypass?: string;
  source: 'windows-registry' | 'environment' | 'none';
}>;

/** The machine's network configuration. */
export type NetworkConfig = Readonly<{
  interfaces: readonly NetInterface[];
  defaultGateway?: string;
  dnsServers: readonly string[];
  proxy: ProxySettings;
}>;

/** A public-service endpoint to check (data: `diagnostics/data/endpoints.json`). */
export type Endpoint = Readonly<{
  id: string;
  name: LocalText;
  url: string;
  kind: 'portal' | 'identity' | 'ca' | 'tsa' | 'ocsp' | 'other';
  /** HTTP statuses that count as "up" besides 2xx/3xx (a TSA answers GET with 405, etc.). */
  okStatuses?: readonly number[];
  /** True for an entry still to be edited (the provincial portal): reported, not checked. */
  placeholder?: boolean;
}>;

/** The internet connectivity probe (like Windows NCSI): a URL and the exact body it returns. */
export type ConnectivityProbe = Readonly<{ url: string; expectBody: string }>;

/** Where an endpoint check broke. */
export type BreakPoint = 'dns' | 'tcp' | 'tls' | 'clock' | 'http' | 'slow' | 'proxy';

/** One endpoint's check, phase by phase (times in ms from the start). */
export type EndpointResult = Readonly<{
  id: string;
  name: LocalText;
  url: string;
  status: CheckStatus;
  breaksAt?: BreakPoint;
  explanation: LocalText;
  addresses?: readonly string[];
  dnsMs?: number;
  /** The resolver's code when the name did not resolve (ENOTFOUND = no such name, ETIMEOUT…). */
  dnsCode?: string;
  tcpMs?: number;
  tlsMs?: number;
  httpMs?: number;
  totalMs: number;
  httpStatus?: number;
  tls?: Readonly<{
    authorized: boolean;
    error?: string;
    subject?: string;
    issuer?: string;
    validFrom?: string;
    validTo?: string;
  }>;
  /** Server clock (HTTP Date) minus ours, in ms, when the server sent a Date. */
  clockSkewMs?: number;
  /** `host:port` of the proxy the check went through, when one applied. */
  viaProxy?: string;
}>;

/** The rungs of the ladder, bottom to top. */
export type RungId = 'link' | 'gateway' | 'dns' | 'internet' | 'endpoints';

/** One rung's verdict. */
export type Rung = Readonly<{
  id: RungId;
  status: CheckStatus;
  title: LocalText;
  detail: LocalText;
  fix?: LocalText;
  ms?: number;
}>;

/** The whole reachability check. */
export type LadderResult = Readonly<{
  /** The lowest rung that is not ok (where it breaks), if any. */
  breaksAt?: RungId;
  verdict: LocalText;
  rungs: readonly Rung[];
  endpoints: readonly EndpointResult[];
  config: NetworkConfig;
  captivePortal: boolean;
  checkedAt: string;
  durationMs: number;
}>;

/** A latency series for the chart. */
export type LatencyResult = Readonly<{
  host: string;
  method: 'icmp' | 'win32-pingstatus' | 'tcp';
  timesMs: readonly (number | null)[];
  lossPercent: number;
  minMs?: number;
  avgMs?: number;
  maxMs?: number;
  note?: LocalText;
}>;
