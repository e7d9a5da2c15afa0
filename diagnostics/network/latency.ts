/**
 * Latency and loss over a short window, for the chart: ICMP through the system ping (the `ping`
 * package's parser, our fallback parser, `Win32_PingStatus` on Windows), and when ICMP gets no
 * reply at all (blocked by a firewall), TCP connect times to 443/80 instead.
 */
import { Socket } from 'node:net';

import type { ProbeContext } from '../types.js';
import { pingHost } from './ping.js';
import type { LatencyResult } from './types.js';

/** Time of one TCP connect in ms (a refused connection also measures a round trip), or null. */
export function tcpConnectTime(
  host: string,
  port: number,
  timeoutMs: number,
): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const start = performance.now();
    const done = (value: number | null): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    socket.once('connect', () => done(performance.now() - start));
    socket.once('error', (e: NodeJS.ErrnoException) =>
      done(e.code === 'ECONNREFUSED' ? performance.now() - start : null),
    );
    socket.connect({ host, port });
  });
}

/** Builds the result with loss and min/avg/max from a series. */
export function summarise(
  host: string,
  method: LatencyResult['method'],
  timesMs: readonly (number | null)[],
): LatencyResult {
  const got = timesMs.filter((x): x is number => x !== null);
  const round = (x: number): number => Math.round(x * 10) / 10;
  const lossPercent =
    timesMs.length === 0 ? 100 : Math.round(((timesMs.length - got.length) / timesMs.length) * 100);
  if (got.length === 0) return { host, method, timesMs, lossPercent };
  return {
    host,
    method,
    timesMs: timesMs.map((x) => (x === null ? null : round(x))),
    lossPercent,
    minMs: round(Math.min(...got)),
    avgMs: round(got.reduce((a, b) => a + b, 0) / got.length),
    maxMs: round(Math.max(...got)),
  };
}

/** Measures `count` samples to `host`. Never throws. */
export async function measureLatency(
  ctx: ProbeContext,
  host: string,
  options: Readonly<{ count?: number; signal?: AbortSignal }> = {},
): Promise<LatencyResult> {
  const count = options.count ?? 5;
  const icmp = await pingHost(ctx, host, {
    count,
    perReplyTimeoutS: 1,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  if (icmp.status === 'ok' && icmp.data.timesMs.some((x) => x !== null))
    return summarise(host, icmp.data.method, icmp.data.timesMs);
  for (const port of [443, 80]) {
    const times: (number | null)[] = [];
    for (let i = 0; i < count && options.signal?.aborted !== true; i += 1)
      times.push(await tcpConnectTime(host, port, 1000));
    if (times.some((x) => x !== null)) {
      return {
        ...summarise(host, 'tcp', times),
        note: {
          vi: `Máy này không trả lời ping; đo bằng kết nối TCP cổng ${port}.`,
          en: `No ping replies; measured with TCP connects to port ${port}.`,
        },
      };
    }
  }
  const why = icmp.status === 'ok' ? '' : ` (${icmp.reason})`;
  return {
    ...summarise(
      host,
      'icmp',
      Array.from({ length: count }, () => null),
    ),
    note: { vi: `Không có phản hồi nào${why}.`, en: `No reply at all${why}.` },
  };
}
