/**
 * Types of a LAN scan (`xaso scan`, channel `scan:run`). Plain data: saved with the visit.
 */

/** The service ports every scan tries (TCP connect; a refused connection also proves life). */
export const SCAN_PORTS = [9100, 631, 515, 80, 443, 445, 139, 3389, 22] as const;

/** One of {@link SCAN_PORTS}. */
export type ScanPort = (typeof SCAN_PORTS)[number];

/** What the scan guesses a device is, from its open ports and its vendor. */
export type DeviceType = 'printer' | 'router' | 'pc' | 'camera' | 'unknown';

/** How a host proved it is alive. */
export type LivenessEvidence = 'tcp-open' | 'tcp-refused' | 'icmp' | 'arp' | 'netbios';

/** One live host. */
export type ScanHost = Readonly<{
  ip: string;
  /** MAC address (lower case, colon separated) from the neighbour (ARP) table, when known. */
  mac?: string;
  /** Vendor from the OUI table (IEEE MA-L), when the MAC is known and listed. */
  vendor?: string;
  /** From reverse DNS, else the NetBIOS name, when either answered. */
  hostname?: string;
  /** NetBIOS computer name and workgroup (Windows PCs, Samba), when the host answered on UDP 137. */
  netbios?: Readonly<{ name: string; workgroup?: string }>;
  openPorts: readonly ScanPort[];
  evidence: readonly LivenessEvidence[];
  deviceType: DeviceType;
  /** True for this machine's own address. */
  self?: boolean;
  /** True for the default gateway of the scanned interface. */
  gateway?: boolean;
}>;

/** The result of one scan. */
export type ScanResult = Readonly<{
  schema: 1;
  /** The ranges scanned, e.g. `["192.168.1.0/24"]`. */
  ranges: readonly string[];
  /** ISO 8601 time the scan started. */
  startedAt: string;
  durationMs: number;
  /** Number of addresses tried. */
  addressesScanned: number;
  hosts: readonly ScanHost[];
  /** True when the scan was cancelled: `hosts` holds what was found so far. */
  cancelled: boolean;
  /** Which methods could be used; a missing one is explained in `notes`. */
  methods: Readonly<{
    tcp: boolean;
    icmp: boolean;
    neighbours: boolean;
    reverseDns: boolean;
    netbios?: boolean;
  }>;
  notes: readonly Readonly<{ vi: string; en: string }>[];
}>;
