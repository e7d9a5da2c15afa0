/**
 * Where the tests find real PowerShell 7 (`pwsh`): `XASO_PWSH`, then the .NET global tool
 * folder (`dotnet tool install --global PowerShell`, done by scripts/install-peers.sh), then PATH.
 * Without it the PowerShell tests skip locally and FAIL in CI (`CI=true`): {@link RUN_WINDOWS_TESTS}.
 */
import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findPwsh(): string | undefined {
  const override = process.env['XASO_PWSH'];
  if (override !== undefined && override !== '') return override;
  const tool = join(homedir(), '.dotnet', 'tools', 'pwsh');
  if (executable(tool)) return tool;
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir !== '' && executable(join(dir, 'pwsh'))) return join(dir, 'pwsh');
  }
  return undefined;
}

/** Path of pwsh, or undefined when it is not installed. */
export const PWSH_FOUND: string | undefined = findPwsh();

/** The pwsh to run (where none is installed, plain `pwsh`, which then fails loudly). */
export const PWSH: string = PWSH_FOUND ?? 'pwsh';

/** True when the PowerShell tests must run: pwsh is there, or this is CI (where its absence fails them). */
export const RUN_WINDOWS_TESTS = PWSH_FOUND !== undefined || process.env['CI'] === 'true';
