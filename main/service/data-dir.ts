import { join } from 'node:path';

/**
 * Where the CLI and the web door keep data when no folder is given: `XASO_DATA_DIR` if set;
 * on Windows `%APPDATA%\xaso`; elsewhere `$XDG_DATA_HOME/xaso` or `~/.local/share/xaso`.
 * (The Electron door uses its own userData, or the USB stick in portable mode.)
 */
export function defaultDataDir(
  env: Readonly<Record<string, string | undefined>>,
  platform: 'win32' | 'darwin' | 'linux',
  home: string,
): string {
  if (env['XASO_DATA_DIR']) return env['XASO_DATA_DIR'];
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'xaso');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'xaso');
  return join(env['XDG_DATA_HOME'] ?? join(home, '.local', 'share'), 'xaso');
}
