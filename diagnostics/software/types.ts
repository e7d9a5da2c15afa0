/** The facts the software probes share, used by each dispatcher and its per-OS readers. */

/** One installed program. */
export type Installed = Readonly<{
  name: string;
  version?: string;
  publisher?: string;
  source: string;
}>;
