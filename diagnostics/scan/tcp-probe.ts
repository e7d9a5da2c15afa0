import { Socket } from 'node:net';

/**
 * What one TCP connect attempt said. `refused` (an RST) proves the host is alive as much as
 * `open` does; `timeout` and `unreachable` prove nothing.
 */
export type TcpOutcome = 'open' | 'refused' | 'timeout' | 'unreachable';

/**
 * Tries one TCP connection (a plain `connect()`: no raw sockets, no admin rights) and closes it
 * at once. Never throws. The limit runs from when the connect is issued, and a limit that expires
 * while the answer is already waiting (the event loop was busy) does not win over it: the
 * verdict "timeout" is taken only after the pending I/O has been read.
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
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => finish('open'));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      finish(error.code === 'ECONNREFUSED' ? 'refused' : 'unreachable');
    });
    socket.connect({ host, port });
    // Timers run before the poll phase of the same loop turn; setImmediate runs after it.
    const timer = setTimeout(() => setImmediate(() => finish('timeout')), timeoutMs);
  });
}
