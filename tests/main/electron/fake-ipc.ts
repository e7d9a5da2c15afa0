/**
 * A small in-memory stand-in for Electron's IPC: a fake `ipcMain` that records registrations,
 * fake windows (web contents + frame), and a fake `ipcRenderer` wired to them. Every message is
 * passed through `structuredClone`, as Electron's IPC serialises it.
 */
import type { IpcEventLike, IpcMainLike, IpcSender } from '../../../main/electron/ipc.js';
import type { IpcRendererLike } from '../../../main/electron/bridge.js';

type InvokeListener = (event: IpcEventLike, ...args: unknown[]) => unknown;
type OnListener = (event: IpcEventLike, ...args: unknown[]) => void;

/** A fake `ipcMain` that keeps what was registered. */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, InvokeListener>();
  readonly listeners = new Map<string, OnListener[]>();

  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }

  on(channel: string, listener: OnListener): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }

  /** Calls a registered handler as Electron would. */
  async invoke(event: IpcEventLike, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return structuredClone(await handler(event, ...args.map((a) => structuredClone(a))));
  }

  /** Delivers a `send` from a renderer. */
  emit(event: IpcEventLike, channel: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(channel) ?? []) listener(event, ...args);
  }
}

let nextId = 1;

/** A fake window: its web contents (the IPC sender) and the page its frame shows. */
export class FakeContents implements IpcSender {
  readonly id = nextId++;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  destroyed = false;
  private readonly onDestroyed: (() => void)[] = [];
  onSend: ((channel: string, args: unknown[]) => void) | undefined;

  constructor(public url = 'app://xaso/index.html') {}

  send(channel: string, ...args: unknown[]): void {
    const cloned = args.map((a) => structuredClone(a));
    this.sent.push({ channel, args: cloned });
    this.onSend?.(channel, cloned);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  once(_event: 'destroyed', listener: () => void): this {
    this.onDestroyed.push(listener);
    return this;
  }

  destroy(): void {
    this.destroyed = true;
    for (const listener of this.onDestroyed.splice(0)) listener();
  }

  /** The IPC event a call from this window carries. */
  event(): IpcEventLike {
    return { sender: this, senderFrame: { url: this.url } };
  }
}

/** A fake `ipcRenderer` of `contents`, talking to `ipcMain`. */
export function fakeIpcRenderer(
  ipcMain: FakeIpcMain,
  contents: FakeContents,
): IpcRendererLike & {
  listenerCount: (channel: string) => number;
} {
  const listeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();
  contents.onSend = (channel, args) => {
    for (const listener of listeners.get(channel) ?? []) listener({ fake: 'event' }, ...args);
  };
  return {
    invoke: (channel, ...args) => ipcMain.invoke(contents.event(), channel, ...args),
    send: (channel, ...args) => ipcMain.emit(contents.event(), channel, ...args),
    on(channel, listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return this;
    },
    listenerCount: (channel) => listeners.get(channel)?.length ?? 0,
  };
}
