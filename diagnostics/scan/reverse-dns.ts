import { Resolver } from 'node:dns/promises';

/**
 * Host names by reverse DNS (PTR), each lookup limited to `timeoutMs`. `servers` overrides the
 * system's name servers (tests point it at their own dnsmasq). Returns ip → name for those
 * that answered; a silence is not an error.
 */
export async function reverseLookup(
  ips: readonly string[],
  options: Readonly<{ servers?: readonly string[]; timeoutMs?: number }> = {},
): Promise<Map<string, string>> {
  const resolver = new Resolver({ timeout: options.timeoutMs ?? 700, tries: 1 });
  if (options.servers !== undefined) resolver.setServers([...options.servers]);
  const names = new Map<string, string>();
  await Promise.all(
    ips.map(async (ip) => {
      try {
        const [name] = await resolver.reverse(ip);
        if (name !== undefined && name !== '') names.set(ip, name.replace(/\.$/, ''));
      } catch {
        // No PTR record, or no answer: the host simply has no name we can learn.
      }
    }),
  );
  return names;
}
