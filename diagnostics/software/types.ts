/** The facts the software probes share, used by each dispatcher and its per-OS readers. */

/** One installed program. */
export type Installed = Readonly<{
  name: string;
  version?: string;
  publisher?: string;
  source: string;
}>;

/** One antivirus product: enabled and definitions up to date, decoded from `productState`. */
export type Antivirus = Readonly<{ name: string; enabled: boolean; upToDate: boolean }>;

/** Antivirus products and firewall profiles (Windows Security Center). */
export type SecurityFacts = {
  antivirus: Antivirus[];
  firewall: { name: string; enabled: boolean }[];
};
