/**
 * Fake host facts for a HostContext: an `os` whose answers are fixed data and an in-memory `fs`.
 * Nothing here reads the real machine, so a context built from them can be "any OS".
 */
import type { HostFs, HostOs } from '../../diagnostics/types.js';

/** A fixed machine: 4 × "Fake CPU", 8 GiB, up one hour, named `FAKE-PC`; `overrides` win. */
export function fakeOs(overrides: Partial<HostOs> = {}): HostOs {
  return {
    cpus: () => Array.from({ length: 4 }, () => ({ model: 'Fake CPU', speed: 2000 })),
    loadavg: () => [0, 0, 0],
    uptime: () => 3600,
    hostname: () => 'FAKE-PC',
    release: () => '0.0.0-fake',
    type: () => 'FakeOS',
    arch: () => 'x64',
    totalmem: () => 8 * 1024 ** 3,
    freemem: () => 4 * 1024 ** 3,
    homedir: () => '/home/fake',
    tmpdir: () => '/tmp/fake',
    networkInterfaces: () => ({}),
    ...overrides,
  };
}

function notFound(path: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), {
    code: 'ENOENT',
  });
}

/**
 * An in-memory file tree: `files` maps absolute paths (`/` separators) to their content. Folders
 * exist when a file lies under them. Temporary folders are made in memory, never on disk.
 */
export function fakeFs(files: Readonly<Record<string, string | Buffer>> = {}): HostFs {
  const tree = new Map<string, Buffer>(Object.entries(files).map(([p, c]) => [p, Buffer.from(c)]));
  const isDir = (path: string): boolean =>
    [...tree.keys()].some((p) => p.startsWith(`${path.replace(/\/+$/, '')}/`));
  const bytes = async (path: string): Promise<Buffer> => {
    const found = tree.get(path);
    if (found === undefined) throw notFound(path);
    return found;
  };
  let temps = 0;
  return {
    readText: async (path) => (await bytes(path)).toString('utf8'),
    readBytes: bytes,
    readHead: async (path, n) => (await bytes(path)).subarray(0, n),
    readdir: async (path) => {
      if (!isDir(path)) throw notFound(path);
      const prefix = `${path.replace(/\/+$/, '')}/`;
      const names = [...tree.keys()]
        .filter((p) => p.startsWith(prefix))
        .map((p) => p.slice(prefix.length).split('/')[0] ?? '');
      return [...new Set(names)];
    },
    access: async (path) => {
      if (!tree.has(path) && !isDir(path)) throw notFound(path);
    },
    stat: async (path) => ({ mtimeMs: 0, size: (await bytes(path)).length }),
    mkdtemp: async (prefix) => `${prefix}${(temps += 1).toString().padStart(6, '0')}`,
    rm: async (path) => {
      for (const p of [...tree.keys()]) if (p === path || p.startsWith(`${path}/`)) tree.delete(p);
    },
  };
}
