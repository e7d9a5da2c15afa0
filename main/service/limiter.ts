/**
 * How many requests of one channel a door (web, Electron IPC) works on at once: a few run, a bounded queue
 * waits (in arrival order), and the rest are told at once that Xã Số is busy. Without it 1,000
 * concurrent `visits:list` each read every visit and the process ran out of memory.
 */

/** The answer when a channel's queue is full. */
export const BUSY_MESSAGE = {
  vi: 'Xã Số đang bận xử lý nhiều yêu cầu cùng loại; hãy thử lại sau vài giây.',
  en: 'Xã Số is busy with many requests of this kind; try again in a few seconds.',
} as const;

/** Limits of {@link ChannelLimiter}. */
export type LimiterOptions = Readonly<{
  /** Requests of one channel running at once. @default 4 */
  active?: number;
  /** Requests of one channel waiting for a turn; more are refused. @default 64 */
  queued?: number;
  /**
   * Longest wait for a turn, in ms; then the answer is "busy" (before the server's request
   * timeout would cut the waiting request off without an answer). @default 30000
   */
  maxWaitMs?: number;
}>;

type Slot = { active: number; waiting: Array<() => void> };

/** A turn to run: call `release` exactly once when done. */
export type Turn = Readonly<{ release: () => void }>;

/** Per-channel concurrency limit with a bounded queue. */
export class ChannelLimiter {
  readonly active: number;
  readonly queued: number;
  readonly maxWaitMs: number;
  private readonly slots = new Map<string, Slot>();

  constructor(options: LimiterOptions = {}) {
    this.active = options.active ?? 4;
    this.queued = options.queued ?? 64;
    this.maxWaitMs = options.maxWaitMs ?? 30_000;
  }

  /**
   * Waits for a turn on `channel`; resolves to undefined at once when the queue is full (busy).
   * An aborted `signal` leaves the queue and resolves to undefined.
   */
  async acquire(channel: string, signal?: AbortSignal): Promise<Turn | undefined> {
    const slot = this.slots.get(channel) ?? { active: 0, waiting: [] };
    this.slots.set(channel, slot);
    if (slot.active < this.active) {
      slot.active += 1;
      return this.turn(channel, slot);
    }
    if (slot.waiting.length >= this.queued) return undefined;
    const granted = await new Promise<boolean>((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', leave);
        resolve(true);
      };
      const leave = (): void => {
        clearTimeout(timer);
        const at = slot.waiting.indexOf(wake);
        if (at >= 0) slot.waiting.splice(at, 1);
        resolve(false);
      };
      const timer = setTimeout(leave, this.maxWaitMs);
      slot.waiting.push(wake);
      signal?.addEventListener('abort', leave, { once: true });
    });
    return granted ? this.turn(channel, slot) : undefined;
  }

  private turn(channel: string, slot: Slot): Turn {
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        const next = slot.waiting.shift();
        // The turn passes straight to the next waiter: `active` stays the same.
        if (next !== undefined) next();
        else {
          slot.active -= 1;
          if (slot.active === 0) this.slots.delete(channel);
        }
      },
    };
  }
}
