/** The facts the OS probes evaluate, shared by each dispatcher and its per-OS readers. */

/** Zone id and its current UTC offset in minutes. */
export type ZoneInfo = Readonly<{ id: string; offsetMinutes: number }>;

/** What the uptime verdict needs. */
export type UptimeInfo = Readonly<{
  uptimeSeconds: number;
  pendingReboot: boolean;
  pendingReasons: readonly string[];
}>;

/** The Windows version facts the verdict needs. */
export type WindowsVersion = Readonly<{
  caption: string;
  build: number;
  ubr?: number;
  displayVersion?: string;
  editionId?: string;
  arch?: string;
}>;

/** The `shell` section of the facts batch. */
export type ShellInfo = Readonly<{ version: string; languageMode: string }>;
