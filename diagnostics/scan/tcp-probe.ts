import { Socket } from 'node:net';

/**
 * What one TCP connect attempt said. `refused` (an RST) proves the host is alive as much as
 * `open` does; `timeout` and `unreachable` prove nothing.
 */
export type TcpOutcome = 'open' | 'refused' | 'timeout' | 'unreachable';

/**
 * Tries one TCP connection (a plain `connect()`: no raw sockets, no admin rights) and closes it
 * at once. Never throws.
 */
export function probeTcp(
  host: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<TcpOutcome> {
  return new Promise((resolve) => {
    const socket = new Socket();
    let done = false;
    const finish = (outcome: TcpOutcome): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(outcome);
    };
    const onAbort = (): void => finish('timeout');
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => finish('open'));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      finish(error.code === 'ECONNREFUSED' ? 'refused' : 'unreachable');
    });
    socket.connect({ host, port });
  });
}
