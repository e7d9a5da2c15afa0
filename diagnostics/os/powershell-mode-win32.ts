/** Windows PowerShell facts: the `shell` section of the facts batch (version, language mode). */
import { failed, ok } from '../checks.js';
import type { ProbeContext, ProbeResult } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { str } from '../windows/powershell.js';
import type { ShellInfo } from './types.js';

/** Parses the `shell` section. */
export function parseShell(section: unknown): ShellInfo | undefined {
  const version = str(section, 'PSVersion');
  const languageMode = str(section, 'LanguageMode');
  return version === undefined || languageMode === undefined
    ? undefined
    : { version, languageMode };
}

/** Reads the `shell` section; a missing version is a failure. */
export async function readWin32Shell(
  ctx: ProbeContext,
  signal: AbortSignal,
): Promise<ProbeResult<ShellInfo>> {
  const section = await windowsSection(ctx, 'shell', signal);
  if (section.status !== 'ok') return section;
  const info = parseShell(section.data);
  return info === undefined ? failed('no PowerShell version') : ok(info);
}
