import type * as SiLib from 'systeminformation';

import type {
  ConnectivityProbe as NetworkConnectivityProbe,
  Endpoint as NetworkEndpoint,
  NetworkConfig,
} from './network/types.js';
import type { CheckStatus, LocalText } from './text/types.js';

/**
 * Shared types of the diagnostics library. Plain data only: they cross IPC, HTTP and the CLI,
 * and are saved in visit files.
 */

export type { CheckStatus, LocalText } from './text/types.js';

/** The operating systems a probe can meet. */
export type Platform = 'win32' | 'darwin' | 'linux';

/** The areas a sweep covers (used by `--only`). */
export type Area = 'hardware' | 'os' | 'software' | 'signature' | 'network' | 'printers';

/** What to do about a check that is not ok: a step, and/or the checklist that fixes it. */
export type Fix = Readonly<{
  text: LocalText;
  /** Id of the checklist that walks the intern through the fix. */
  checklistId?: string;
}>;

/** One check's verdict, explained. */
export type CheckResult = Readonly<{
  /** Stable id, e.g. `disk.free.C:`. */
  id: string;
  area: Area;
  status: CheckStatus;
  title: LocalText;
  /** Plain-language explanation of what was found. */
  detail: LocalText;
  /** The measured values behind the verdict (numbers with units in their keys). */
  values?: Readonly<Record<string, unknown>>;
  fix?: Fix;
  /** For `unknown`: why it could not be checked. */
  reason?: string;
  /**
   * Id of the check whose failure blocks this one (DNS down blocks every site): this check is
   * "affected", shown under that cause and never counted as a problem (`findings.ts`).
   */
  blockedBy?: string;
}>;

/** Options every probe takes; defaults live in `run-command.ts`. */
export type ProbeOptions = Readonly<{
  /** Hard limit for the whole probe, in milliseconds. */
  timeoutMs?: number;
  signal?: AbortSignal;
}>;

/** Result of running one external command. */
export type CommandOutput = Readonly<{
  stdout: string;
  stderr: string;
  /** Exit code; `null` when killed by a signal. */
  exitCode: number | null;
  /** True when stdout was cut at the cap. */
  truncated: boolean;
}>;

/** Runs a program with an argv array (never a shell string). Throws typed errors. */
export type RunCommand = (
  file: string,
  args: readonly string[],
  options?: Readonly<{
    timeoutMs?: number;
    signal?: AbortSignal;
    maxBytes?: number;
    input?: string;
    env?: Readonly<Record<string, string>>;
    /** Called with each piece of stdout as it arrives (UTF-8 decoded, split on any boundary). */
    onStdout?: (text: string) => void;
    /**
     * Encoding of stderr when it is not valid UTF-8 (a WHATWG label, e.g. `windows-1258`, the
     * OEM code page of Vietnamese Windows). Default: UTF-8 with replacement characters.
     */
    stderrFallbackEncoding?: string;
  }>,
) => Promise<CommandOutput>;

/** Options of one PowerShell run. */
export type PowerShellOptions = Readonly<{
  /** Hard limit; past it the process is killed and the run rejects with `CommandTimeoutError`. */
  timeoutMs: number;
  /** Aborting kills PowerShell and rejects with `CommandAbortedError`. */
  signal?: AbortSignal;
  /** Cap of captured stdout, in bytes (default 8 MiB). */
  maxBytes?: number;
  /** Stdout as it arrives (the facts batch reads its sections one line at a time). */
  onStdout?: (text: string) => void;
}>;

/**
 * Runs one PowerShell script: `script` is the program text exactly as shipped (what follows
 * `-Command`, preamble included: see `windows/powershell.ts` `powershellCommandText`). On
 * Windows it starts `%SystemRoot%\System32\WindowsPowerShell\v1.0\powershell.exe` by absolute
 * path; tests answer from `pwsh` with the fake-Windows module, or from recordings.
 */
export type PowerShellRunner = (
  script: string,
  options: PowerShellOptions,
) => Promise<CommandOutput>;

/** One address of a network adapter, as `os.networkInterfaces()` reports it. */
export type HostInterfaceAddress = Readonly<{
  address: string;
  netmask: string;
  family: 'IPv4' | 'IPv6';
  mac: string;
  internal: boolean;
  /** `address/prefix`; `null` when the netmask is invalid. */
  cidr: string | null;
}>;

/**
 * The host facts `node:os` gives, as functions so a test (or a "run as Windows" service) can
 * answer them. Probes read these instead of importing `node:os`.
 */
export type HostOs = Readonly<{
  /** One entry per logical processor (`model` as the OS names it, `speed` in MHz). */
  cpus: () => readonly Readonly<{ model: string; speed: number }>[];
  /** 1, 5 and 15 minute load averages (always zeros on Windows). */
  loadavg: () => readonly number[];
  /** Seconds since boot. */
  uptime: () => number;
  hostname: () => string;
  /** Kernel release, e.g. `6.8.0-45-generic` or `10.0.22631`. */
  release: () => string;
  /** `Linux`, `Windows_NT`, `Darwin`. */
  type: () => string;
  /** Node's CPU architecture name: `x64`, `arm64`, `ia32`… */
  arch: () => string;
  /** Bytes. */
  totalmem: () => number;
  /** Bytes. */
  freemem: () => number;
  homedir: () => string;
  tmpdir: () => string;
  networkInterfaces: () => Readonly<Record<string, readonly HostInterfaceAddress[] | undefined>>;
}>;

/**
 * The few file reads (and the one temporary folder) probes need, async only. Every call rejects
 * with a Node-style error (`code: 'ENOENT'`…) when the path cannot be read.
 */
export type HostFs = Readonly<{
  /** The whole file as UTF-8 text. */
  readText: (path: string) => Promise<string>;
  /** The whole file as bytes. */
  readBytes: (path: string) => Promise<Buffer>;
  /** The first `bytes` bytes (fewer when the file is shorter): binary headers. */
  readHead: (path: string, bytes: number) => Promise<Buffer>;
  /** Entry names of a folder. */
  readdir: (path: string) => Promise<string[]>;
  /** Resolves when the path exists (and is visible to this process). */
  access: (path: string) => Promise<void>;
  stat: (path: string) => Promise<Readonly<{ mtimeMs: number; size: number }>>;
  /** Creates a fresh folder named `prefix` + random characters; returns its path. */
  mkdtemp: (prefix: string) => Promise<string>;
  /** Removes a file or folder tree; a missing path is not an error. */
  rm: (path: string) => Promise<void>;
}>;

/** The systeminformation library (its default export), as the host context hands it out. */
export type SystemInformationLib = typeof SiLib;

/**
 * One systeminformation call under the context's rules (one at a time, a timeout, the probe's
 * abort signal). Never throws: a failure, timeout or abort is a failed result.
 */
export type SystemInformation = <T>(
  name: string,
  pick: (si: SystemInformationLib) => Promise<T>,
  options?: Readonly<{ timeoutMs?: number; signal?: AbortSignal }>,
) => Promise<ProbeResult<T>>;

/**
 * Everything a probe may know of the machine, injected so tests can fake any OS: the platform,
 * commands, PowerShell, the clock, environment variables, `node:os` facts, file reads and
 * systeminformation. Built once by `createHostContext` (the one place that reads
 * `process.platform`, `node:os` and `node:fs` for probes); swapped whole in tests.
 */
export type HostContext = Readonly<{
  platform: Platform;
  run: RunCommand;
  /** The one way to run PowerShell (Windows facts, network, printers). */
  powershell: PowerShellRunner;
  now: () => number;
  /** Environment variables of interest (PATH, ProgramFiles, SOFTHSM2_CONF…). */
  env: Readonly<Record<string, string | undefined>>;
  os: HostOs;
  fs: HostFs;
  /**
   * systeminformation (Linux hardware facts); absent in fake contexts, where the probes that
   * need it report `unknown`. On Windows no probe calls it (the facts batch answers instead).
   */
  si?: SystemInformation;
  /** Endpoints and lists a probe may be pointed at (tests use loopback peers). */
  settings?: ProbeSettings;
}>;

/** The older name of {@link HostContext}, kept so existing probes compile; new code says `HostContext`. */
export type ProbeContext = HostContext;

/** A local signing service to check by a WebSocket handshake. */
export type SigningEndpoint = Readonly<{
  /** Provider id, e.g. `vgca` or `vnpt`. */
  provider: string;
  /** `wss://127.0.0.1:8987/` style URL. */
  url: string;
}>;

/**
 * Overridable endpoints and data of the probes. Every field has a documented default in the
 * probe that uses it; tests point them at peers they started on loopback.
 */
export type ProbeSettings = Readonly<{
  /** SNTP server as `host` or `host:port` (default `time.windows.com` on Windows, `pool.ntp.org` elsewhere). */
  ntpServer?: string;
  /** Local signing services to handshake (default VGCA 8987, VNPT-CA 4433–4435). */
  signingServices?: readonly SigningEndpoint[];
  /** PKCS#11 module files to read certificates from, besides the known ones per provider. */
  pkcs11Modules?: readonly string[];
  /** Root certificates to accept as Vietnamese roots (default `diagnostics/data/vn-roots.json`). */
  vnRoots?: readonly VnRoot[];
  /** Network probe: public-service endpoints (default `diagnostics/data/endpoints.json`). */
  endpoints?: readonly NetworkEndpoint[];
  /** Network probe: the internet/captive-portal probe (default: the one in endpoints.json). */
  connectivity?: NetworkConnectivityProbe;
  /** Network probe: DNS servers to ask instead of the system's (tests: their own dnsmasq). */
  dnsServers?: readonly string[];
  /** Network probe: extra trusted CA certificates (PEM) for the endpoints' TLS checks. */
  extraCa?: readonly string[];
  /**
   * Network probe: the adapters/gateway/DNS to assume instead of reading this machine's (tests
   * point the ladder at a world of namespace hosts, never at the machine's real gateway).
   */
  networkConfig?: NetworkConfig;
}>;

/** A Vietnamese root CA, as data (the list changed in Nov 2025). */
export type VnRoot = Readonly<{
  id: string;
  name: string;
  /** `public` = National Root CA (NEAC); `official-duty` = Ban Cơ yếu Chính phủ. */
  kind: 'public' | 'official-duty';
  /** SHA-256 of the DER certificate, lower-case hex without separators (when known). */
  sha256?: string;
  /** Case-insensitive substrings of the root's subject CN, to name a chain when the root is absent. */
  subjectMatch: readonly string[];
  source: string;
}>;

/** A probe's outcome: its data, or why it could not run. */
export type ProbeResult<T> =
  | Readonly<{ status: 'ok'; data: T }>
  | Readonly<{ status: 'unavailable' | 'failed'; reason: string }>;

/** One probe: a named unit of the sweep producing one or more checks. */
export type Probe = Readonly<{
  /** Stable id, e.g. `hardware.disks`; checklists refer to probes by it. */
  id: string;
  area: Area;
  title: LocalText;
  /** Hard limit; past it the probe's checks become `unknown` with reason "timeout". */
  timeoutMs: number;
  run: (
    ctx: ProbeContext,
    options: Readonly<{ signal: AbortSignal }>,
  ) => Promise<readonly CheckResult[]>;
}>;

/** A machine's identity that survives reinstalling Windows (hardware-based). */
export type MachineIdentity = Readonly<{
  /** SHA-256 (hex, first 16 chars) of stable hardware facts (board/system serial, UUID, MACs). */
  fingerprint: string;
  hostname: string;
  /** Label the intern sets (e.g. the asset sticker), kept across visits. */
  assetTag?: string;
  manufacturer?: string;
  model?: string;
  serial?: string;
  /** Which facts the fingerprint was made of (e.g. `systemUuid`, `macs`, `hostname`). */
  fingerprintSources?: readonly string[];
}>;

/** Everything one sweep found on one machine: saved in visits, compared across visits. */
export type MachineSnapshot = Readonly<{
  schema: 1;
  /** ISO 8601 time the sweep started. */
  takenAt: string;
  durationMs: number;
  platform: Platform;
  machine: MachineIdentity;
  /** e.g. "Windows 11 Pro 23H2 (22631)". */
  osName: string;
  checks: readonly CheckResult[];
  summary: SnapshotSummary;
}>;

/**
 * A snapshot's counts (`findings.ts`): `warn`/`fail` are problems only (affected checks apart),
 * `unknown` excludes the checks that do not apply on this OS. Snapshots saved before these rules
 * lack `affected`/`notApplicable`; readers recount from `checks` with `tallyChecks`.
 */
export type SnapshotSummary = Readonly<
  Record<CheckStatus, number> & { affected: number; notApplicable: number }
>;
