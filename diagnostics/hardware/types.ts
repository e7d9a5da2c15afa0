/** The facts the hardware probes evaluate, shared by each dispatcher and its per-OS readers. */

/** What the CPU verdict needs. */
export type CpuInfo = Readonly<{ model: string; logical: number; loadPercent: number }>;

/** Bytes. */
export type MemoryInfo = Readonly<{ totalBytes: number; availableBytes: number }>;

/** Capacities in mWh (or any same unit); `present` false on desktops. */
export type BatteryInfo = Readonly<{
  present: boolean;
  percent?: number;
  designed?: number;
  full?: number;
}>;

/** One disk and its health word: healthy / warning / unhealthy / unknown. */
export type DiskHealth = Readonly<{
  name: string;
  sizeBytes: number;
  kind: string;
  health: 'healthy' | 'warning' | 'unhealthy' | 'unknown';
}>;

/** One mounted volume, bytes. */
export type Volume = Readonly<{ mount: string; fs: string; sizeBytes: number; freeBytes: number }>;
