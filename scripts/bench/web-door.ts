/**
 * The built web door (`out/web/xaso-web.js`) in its own process on 127.0.0.1, as `xaso web`
 * starts it, for the benches that measure it as a user meets it (web-load, the desk page).
 */
import { spawn } from 'node:child_process';

/** A running web door: its address and launch token, and how to stop it. */
export type WebDoor = {
  url: string;
  port: number;
  token: string;
  pid: number;
  stop: () => void;
  exited: () => boolean;
};

/** Starts the web door on `dataDir`; resolves once it prints its address. */
export function startWebDoor(dataDir: string): Promise<WebDoor> {
  const proc = spawn(
    process.execPath,
    ['out/web/xaso-web.js', '--port', '0', '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let exited = false;
  proc.on('exit', () => (exited = true));
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))/.exec(out);
      if (match !== null) {
        resolve({
          url: match[1]!,
          port: Number(match[2]),
          token: match[3]!,
          pid: proc.pid!,
          stop: () => proc.kill('SIGTERM'),
          exited: () => exited,
        });
      }
    });
    proc.on('error', reject);
    proc.on('exit', (code) => reject(new Error(`xaso-web exited ${String(code)}: ${out}`)));
  });
}
