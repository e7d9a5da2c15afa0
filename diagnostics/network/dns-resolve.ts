import { lookup, Resolver } from 'node:dns/promises';

/** A name resolution's outcome. `code` is the resolver's (ENOTFOUND, ETIMEOUT, ESERVFAIL…). */
export type DnsOutcome = Readonly<{ addresses: string[]; ms: number } | { error: string; code: string; ms: number }>;

/**
 * Resolves `host` to IPv4 addresses: through the system resolver (hosts file, the OS's DNS
 * servers, as browsers do), or asking `servers` directly when given. Never throws.
 */
export async function resolveHost(host: string, options: Readonly<{ servers?: readonly string[]; timeoutMs?: number }> = {}): Promise<DnsOutcome> {
  const start = performance.now();
  const ms = (): number => Math.round(performance.now() - start);
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return { addresses: [host], ms: 0 };
  try {
    if (options.servers !== undefined) {
      const resolver = new Resolver({ timeout: options.timeoutMs ?? 2500, tries: 2 });
      resolver.setServers([...options.servers]);
      return { addresses: await resolver.resolve4(host), ms: ms() };
    }
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(Object.assign(new Error('DNS timeout'), { code: 'ETIMEOUT' })), options.timeoutMs ?? 5000).unref());
    const found = await Promise.race([lookup(host, { family: 4, all: true }), timeout]);
    return { addresses: found.map((a) => a.address), ms: ms() };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'ERROR';
    return { error: error instanceof Error ? error.message : String(error), code, ms: ms() };
  }
}

/** True when the DNS failure means "no such name" (the server answered), not "no answer". */
export function isNameNotFound(code: string): boolean {
  return code === 'ENOTFOUND' || code === 'ENODATA' || code === 'NXDOMAIN';
}
