/** Linux memory facts: `/proc/meminfo`. */
import { failed, ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import type { MemoryInfo } from './types.js';

/** Parses `/proc/meminfo` (MemTotal, MemAvailable in kB). */
export function parseMeminfo(text: string): MemoryInfo | undefined {
  const field = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
  const total = field('MemTotal');
  const available = field('MemAvailable');
  return Number.isFinite(total) && Number.isFinite(available)
    ? { totalBytes: total, availableBytes: available }
    : undefined;
}

/** Reads `/proc/meminfo` (a read error throws, as before); no MemAvailable is a failure. */
export async function readLinuxMemory(ctx: ProbeContext): Promise<ProbeResult<MemoryInfo>> {
  const info = parseMeminfo(await ctx.fs.readText('/proc/meminfo'));
  return info ? ok(info) : failed('/proc/meminfo without MemAvailable');
}
