/** Linux (and macOS) version facts: `/etc/os-release` and the kernel release. */
import type { ProbeContext } from '../types.js';

/** Parses /etc/os-release (PRETTY_NAME). */
export function parseOsRelease(text: string): string | undefined {
  return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(text)?.[1];
}

/** "PRETTY_NAME (kernel release)", "Linux" when /etc/os-release is missing. */
export async function readLinuxOsName(ctx: ProbeContext): Promise<string> {
  const pretty =
    parseOsRelease(await ctx.fs.readText('/etc/os-release').catch(() => '')) ?? 'Linux';
  return `${pretty} (kernel ${ctx.os.release()})`;
}
