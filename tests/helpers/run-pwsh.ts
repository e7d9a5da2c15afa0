/** Runs real PowerShell 7 (`pwsh`, found by tests/helpers/pwsh.ts) for the tests that need its parser. */
import { execFile } from 'node:child_process';

import { PWSH } from './pwsh.js';

/** Runs `pwsh -NoProfile -NonInteractive ARGS`; resolves with stdout (rejects on exit ≠ 0). */
export function runPwsh(args: readonly string[], timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      PWSH,
      ['-NoProfile', '-NonInteractive', ...args],
      { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`pwsh failed: ${error.message}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}
