/**
 * Runs the CLI in this process (the real `runCli`, real commands, a real service on a temporary
 * data folder unless one is given) and captures what it prints, line by line.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Command } from '../../main/cli/command.js';
import { commands as allCommands } from '../../main/cli/commands/index.js';
import { runCli } from '../../main/cli/run.js';
import { defaultEnv } from '../../main/service/env.js';
import { createService, type Service } from '../../main/service/index.js';

export type CapturedRun = Readonly<{
  code: number;
  outLines: string[];
  errLines: string[];
  /** The data folder of the service (a fresh temporary one unless a service was given). */
  dataDir: string | undefined;
}>;

export async function runCliCaptured(
  argv: readonly string[],
  options: Readonly<{
    service?: Service;
    commands?: readonly Command[];
    isTty?: boolean;
    version?: string;
  }> = {},
): Promise<CapturedRun> {
  const outLines: string[] = [];
  const errLines: string[] = [];
  const version = options.version ?? '9.9.9';
  let dataDir: string | undefined;
  let service = options.service;
  if (service === undefined) {
    dataDir = await mkdtemp(join(tmpdir(), 'xaso-cli-'));
    service = createService(defaultEnv({ door: 'cli', version, dataDir }));
  }
  const code = await runCli(argv, {
    service,
    version,
    out: (t) => outLines.push(t),
    err: (t) => errLines.push(t),
    signal: new AbortController().signal,
    isTty: options.isTty ?? false,
    commands: options.commands ?? allCommands,
  });
  return { code, outLines, errLines, dataDir };
}
