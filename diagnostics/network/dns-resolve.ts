/**
 * Name resolution for the diagnosis, through c-ares (`dns.promises.Resolver`) and never
 * `dns.lookup`: a lookup that loses a race keeps one of libuv's four worker threads busy until the
 * OS gives up, which holds the process open after the answer and delays every later lookup and
 * file operation. Each query here has its own limit and is cancelled when it is reached.
 */
import { Resolver } from 'node:dns/promises';

import { hostsEntries } from './hosts-file.js';

/** A name resolution's outcome. `code` is the resolver's (ENOTFOUND, ETIMEOUT, ESERVFAIL…). */
export type DnsOutcome = Readonly<
  | { addresses: string[]; ms: number; source?: 'hosts-file' }
  | { error: string; code: string; ms: number }
>;

/** Options of {@link resolveHost}. */
export type ResolveOptions = Readonly<{
  /** Ask these servers (default: the system's name servers, as c-ares reads them). */
  servers?: readonly string[];
  /** Hard limit for the whole resolution; default 5000 ms. */
  timeoutMs?: number;
  /** The hosts file's text, looked in first (only with the system's servers, as the OS does). */
  hostsText?: string;
}>;

function failure(error: unknown, ms: number): DnsOutcome {
  const code = (error as NodeJS.ErrnoException).code ?? 'ERROR';
  return { error: error instanceof Error ? error.message : String(error), code, ms };
}

/**
 * Resolves `host` to IPv4 addresses, within `timeoutMs` (a silent server gives `ETIMEOUT` at the
 * limit, and nothing is left running after it). Never throws.
 */
export async function resolveHost(host: string, options: ResolveOptions = {}): Promise<DnsOutcome> {
  const start = performance.now();
  const ms = (): number => Math.round(performance.now() - start);
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return { addresses: [host], ms: 0 };
  if (options.servers === undefined && options.hostsText !== undefined) {
    const pinned = hostsEntries(options.hostsText, host);
    if (pinned.length > 0) return { addresses: pinned, ms: ms(), source: 'hosts-file' };
  }
  const timeoutMs = options.timeoutMs ?? 5000;
  // Two tries per server, the first a third of the limit (c-ares doubles the wait on the retry).
  const resolver = new Resolver({ timeout: Math.max(100, Math.floor(timeoutMs / 3)), tries: 2 });
  if (options.servers !== undefined) resolver.setServers([...options.servers]);
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          Object.assign(new Error(`no DNS answer within ${timeoutMs} ms`), { code: 'ETIMEOUT' }),
        ),
      timeoutMs,
    );
  });
  try {
    return { addresses: await Promise.race([resolver.resolve4(host), limit]), ms: ms() };
  } catch (error) {
    return failure(error, ms());
  } finally {
    clearTimeout(timer);
    resolver.cancel();
  }
}

/** True when the DNS failure means "no such name" (the server answered), not "no answer". */
export function isNameNotFound(code: string): boolean {
  return code === 'ENOTFOUND' || code === 'ENODATA' || code === 'NXDOMAIN';
}
