/**
 * The real host context: the one place of the library that reads `process.platform`,
 * `process.env`, `node:os` and `node:fs` for probes. Doors build it once; tests build a fake.
 */
import { access, mkdtemp, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import * as os from 'node:os';
import { delimiter } from 'node:path';

import { siCall } from './hardware/si.js';
import { runCommand } from './run-command.js';
import type {
  HostContext,
  HostFs,
  HostOs,
  Platform,
  ProbeContext,
  ProbeSettings,
} from './types.js';
import { createPowerShellRunner } from './windows/powershell.js';

/** This process's platform, narrowed to the three the library knows (anything else is Linux-like). */
function hostPlatform(): Platform {
  return process.platform === 'win32' || process.platform === 'darwin' ? process.platform : 'linux';
}

/** `node:os`, as the host context hands it to probes. */
export const nodeOs: HostOs = {
  cpus: () => os.cpus(),
  loadavg: () => os.loadavg(),
  uptime: () => os.uptime(),
  hostname: () => os.hostname(),
  release: () => os.release(),
  type: () => os.type(),
  arch: () => os.arch(),
  totalmem: () => os.totalmem(),
  freemem: () => os.freemem(),
  homedir: () => os.homedir(),
  tmpdir: () => os.tmpdir(),
  networkInterfaces: () => os.networkInterfaces(),
};

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(head, 0, bytes, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** `node:fs/promises`, narrowed to the reads probes make. */
export const nodeFs: HostFs = {
  readText: (path) => readFile(path, 'utf8'),
  readBytes: (path) => readFile(path),
  readHead,
  readdir: (path) => readdir(path),
  access: (path) => access(path),
  stat: async (path) => {
    const st = await stat(path);
    return { mtimeMs: st.mtimeMs, size: st.size };
  },
  mkdtemp: (prefix) => mkdtemp(prefix),
  rm: (path) => rm(path, { recursive: true, force: true }),
};

/**
 * The real host context: this process's platform, `runCommand`, PowerShell, `Date.now`,
 * environment, `node:os`, `node:fs` and systeminformation. Tests and doors override any part
 * (`settings` points probes at loopback peers; a whole fake OS makes "run as Windows").
 */
export function createHostContext(overrides: Partial<HostContext> = {}): HostContext {
  const env = { ...process.env };
  const settings = settingsFromEnv(env);
  const platform = overrides.platform ?? hostPlatform();
  const run = overrides.run ?? runCommand;
  return {
    platform,
    run,
    // Windows: PowerShell 5.1 by absolute path. Elsewhere PowerShell 7 (`pwsh`) if installed:
    // no probe asks for it there; `xaso capture --scripts` and developers may.
    powershell: createPowerShellRunner(
      run,
      env,
      platform === 'win32' ? undefined : (env['XASO_PWSH'] ?? 'pwsh'),
    ),
    now: () => Date.now(),
    env,
    os: nodeOs,
    fs: nodeFs,
    si: siCall,
    ...(settings === undefined ? {} : { settings }),
    ...overrides,
  };
}

/** The older name of {@link createHostContext}. */
export function createProbeContext(overrides: Partial<ProbeContext> = {}): ProbeContext {
  return createHostContext(overrides);
}

/**
 * Field overrides from the environment: `XASO_NTP_SERVER` (host[:port]) and
 * `XASO_PKCS11_MODULES` (module paths separated by the path delimiter).
 */
export function settingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): ProbeSettings | undefined {
  const settings: { ntpServer?: string; pkcs11Modules?: string[] } = {};
  if (env['XASO_NTP_SERVER']) settings.ntpServer = env['XASO_NTP_SERVER'];
  if (env['XASO_PKCS11_MODULES'])
    settings.pkcs11Modules = env['XASO_PKCS11_MODULES'].split(delimiter).filter((p) => p !== '');
  return Object.keys(settings).length === 0 ? undefined : settings;
}
