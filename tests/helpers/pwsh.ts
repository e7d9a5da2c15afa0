/**
 * Where the tests find real PowerShell 7 (`pwsh`): `XASO_PWSH`, then the .NET global tool
 * folder (`dotnet tool install --global PowerShell`, done by scripts/install-peers.sh), then PATH.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const tool = join(homedir(), '.dotnet', 'tools', 'pwsh');

/** The pwsh program the tests run. */
export const PWSH: string = process.env['XASO_PWSH'] ?? (existsSync(tool) ? tool : 'pwsh');
