/** The per-OS facts of the system ping, shared by `ping.ts` and its per-OS files. */

/** How the system ping of one OS is run and read (node-ping's builder and parser per OS). */
export type PingFlavour = Readonly<{
  /** The executable. */
  file: string;
  /** Arguments added to node-ping's argv. */
  extra: readonly string[];
  /** The echo payload size node-ping's parser expects. */
  packetSize: number;
  /** True when the tool takes `--` before the host (getopt: iputils, BSD); ping.exe does not. */
  endOfOptions: boolean;
}>;

/** True when `host` can only be read as a host: no leading '-', no spaces or shell characters. */
export function isSafePingHost(host: string): boolean {
  return /^[A-Za-z0-9.:][A-Za-z0-9.:%_-]{0,252}$/.test(host);
}
