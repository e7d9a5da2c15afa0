/**
 * Types of the neighbour (ARP) table, in a leaf file so the per-OS parsers
 * (`neighbours-{linux,win32}.ts`) and their dispatcher (`neighbours.ts`) need not import each other.
 */

/** One entry with a known MAC. */
export type Neighbour = Readonly<{ ip: string; mac: string; device?: string }>;

/**
 * The neighbour table: the resolved entries, and (Linux) every address the kernel has asked ARP
 * about, resolved or not.
 */
export type NeighbourTable = Readonly<{ resolved: Neighbour[]; asked?: ReadonlySet<string> }>;
