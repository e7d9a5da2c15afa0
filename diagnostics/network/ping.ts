/**
 * ICMP ping through the system `ping` (no raw sockets, no admin), with the npm `ping` package's
 * argv builder and parser driven for the injected platform, behind our own timeout. When its
 * parser crashes or finds nothing on output that has replies (unusual locales), a locale-free
 * parser anchored on `TTL=` takes over (and wins when the two disagree). On Windows,
 * `Win32_PingStatus` (numeric JSON) is the fallback when `ping.exe` fails.
 */
import builders from 'ping/lib/builder/factory.js';
import parsers from 'ping/lib/parser/factory.js';

import { assertNever } from '../assert-never.js';
import { failed, ok } from '../checks.js';
import type { Platform, ProbeContext, ProbeResult } from '../types.js';
import { darwinPing, linuxPing } from './ping-linux.js';
import { isSafePingHost, type PingFlavour } from './ping-types.js';
import { readWin32PingStatus, win32Ping } from './ping-win32.js';

/** One ping series: the reply time of each echo (null = no reply), in order. */
export type PingSeries = Readonly<{
  host: string;
  method: 'icmp' | 'win32-pingstatus';
  timesMs: readonly (number | null)[];
  /** Which parser read the output: the `ping` package's, or our locale-free fallback. */
  parser?: 'ping-package' | 'fallback';
}>;

/** Options of {@link pingHost}. */
export type PingOptions = Readonly<{
  count?: number;
  perReplyTimeoutS?: number;
  signal?: AbortSignal;
}>;

/** The system ping of `platform`. */
function pingFlavour(platform: Platform): PingFlavour {
  switch (platform) {
    case 'win32':
      return win32Ping;
    case 'linux':
      return linuxPing;
    case 'darwin':
      return darwinPing;
    default:
      return assertNever(platform);
  }
}

/** The argv of the system ping for `platform` (Windows: `-n COUNT -w MS`, Linux: `-c -W`). */
export function pingCommand(
  platform: Platform,
  host: string,
  count: number,
  perReplyTimeoutS: number,
): { file: string; args: string[] } {
  const flavour = pingFlavour(platform);
  const builder = builders.createBuilder(platform);
  const config = {
    timeout: perReplyTimeoutS,
    min_reply: count,
    numeric: true,
    extra: [...flavour.extra],
  };
  const args = builder.getCommandArguments(host, config);
  // node-ping puts the host last; `--` before it where the tool supports it.
  if (flavour.endOfOptions && args.at(-1) === host) args.splice(args.length - 1, 0, '--');
  return { file: flavour.file, args };
}

/** Reply times with our locale-free rule: a number after `=` or `<`, then `ms`, then `TTL=`. */
export function fallbackPingTimes(stdout: string): number[] {
  const times: number[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match =
      /[=<]\s*([\d.]+)\s*(?:ms|мс)\S*\s+TTL=\d+/i.exec(line) ?? /time[=<]([\d.]+)\s*ms/i.exec(line);
    if (match?.[1] !== undefined) times.push(Number(match[1]));
  }
  return times;
}

/**
 * Parses system ping output for `platform` into the reply times of a `count`-echo series.
 * Uses the `ping` package's parser; if it throws or finds no reply while our anchored rule
 * does, the fallback's times are used.
 */
export function parsePingOutput(
  platform: Platform,
  host: string,
  stdout: string,
  count: number,
): PingSeries {
  const fallback = fallbackPingTimes(stdout);
  let times: number[] | undefined;
  try {
    const parser = parsers.createParser(host, platform, {
      packetSize: pingFlavour(platform).packetSize,
    });
    for (const line of stdout.split('\n')) parser.eat(line);
    const result = parser.getResult();
    const raw = Array.isArray(result['times']) ? (result['times'] as unknown[]) : [];
    times = raw.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  } catch {
    times = undefined;
  }
  // Our rule is anchored on TTL=, so when both found replies but disagree (node-ping reads the
  // token after "=<packet size>", which goes wrong on unusual output), ours wins.
  const agree =
    times !== undefined &&
    times.length === fallback.length &&
    times.every((v, i) => v === fallback[i]);
  const usePackage = times !== undefined && (fallback.length === 0 || agree);
  const chosen = usePackage ? (times ?? []) : fallback;
  const series: (number | null)[] = chosen.slice(0, count);
  while (series.length < count) series.push(null);
  return {
    host,
    method: 'icmp',
    timesMs: series,
    parser: usePackage ? 'ping-package' : 'fallback',
  };
}

/** The reply times of the fallback when the system ping cannot run (Windows: `Win32_PingStatus`). */
function fallbackTimes(
  ctx: ProbeContext,
  host: string,
  count: number,
  perReplyTimeoutS: number,
  options: Readonly<{ timeoutMs: number; signal?: AbortSignal }>,
): Promise<ProbeResult<(number | null)[]>> | undefined {
  switch (ctx.platform) {
    case 'win32':
      return readWin32PingStatus(ctx, host, count, perReplyTimeoutS, options);
    case 'linux':
    case 'darwin':
      return undefined;
    default:
      return assertNever(ctx.platform);
  }
}

/**
 * Pings `host` `count` times. The whole run has a hard limit of count × (timeout + 1 s) + 2 s.
 * Windows falls back to `Win32_PingStatus` when `ping.exe` cannot run.
 */
export async function pingHost(
  ctx: ProbeContext,
  host: string,
  options: PingOptions = {},
): Promise<ProbeResult<PingSeries>> {
  const count = options.count ?? 4;
  const perReplyTimeoutS = options.perReplyTimeoutS ?? 1;
  const timeoutMs = count * (perReplyTimeoutS + 1) * 1000 + 2000;
  const signal = options.signal === undefined ? {} : { signal: options.signal };
  if (!isSafePingHost(host)) return failed(`not a host name or address: ${JSON.stringify(host)}`);
  const { file, args } = pingCommand(ctx.platform, host, count, perReplyTimeoutS);
  try {
    const output = await ctx.run(file, args, { timeoutMs, ...signal });
    return ok(parsePingOutput(ctx.platform, host, output.stdout, count));
  } catch (error) {
    if (options.signal?.aborted !== true) {
      const times = await fallbackTimes(ctx, host, count, perReplyTimeoutS, {
        timeoutMs,
        ...signal,
      });
      if (times?.status === 'ok')
        return ok({ host, method: 'win32-pingstatus', timesMs: times.data });
    }
    return failed(error instanceof Error ? error.message : String(error));
  }
}
