// `npm start` (after `npm run build`): opens Xã Số in Electron. The `electron` npm package
// downloads its binary on first use; where that cannot happen (offline, blocked) or where no
// desktop can show a window, this says why in Vietnamese and English and starts the web mode
// instead (`out/web/xaso-web.js`, which prints the address to open), so `npm start` always
// starts the app. Arguments after `npm start --` go to Electron. Exit codes pass through.
//
// Environment: XASO_ELECTRON_DOWNLOAD_TIMEOUT_MS (default 600000) bounds the first download.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const downloadTimeoutMs = Number(process.env.XASO_ELECTRON_DOWNLOAD_TIMEOUT_MS ?? 600_000);

/** The first line of a failed child's stderr that says what went wrong. */
function firstError(stderr) {
  const lines = stderr.split('\n').map((line) => line.trim());
  return (
    lines.find((line) => /error|failed|ENOTFOUND|ECONN/i.test(line)) ?? lines.find(Boolean) ?? ''
  );
}

/**
 * The Electron binary's path, or why there is none. `require('electron')` downloads the binary
 * when it is missing; it runs in a child process so a stalled download can be timed out.
 */
function findElectron() {
  if (!existsSync(join(root, 'node_modules', 'electron', 'path.txt'))) {
    process.stderr.write(
      'Đang tải Electron (chỉ lần đầu, khoảng 100 MB)… / Downloading Electron (first run only, about 100 MB)…\n',
    );
  }
  const result = spawnSync(
    process.execPath,
    ['-e', "process.stdout.write(String(require('electron')))"],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], timeout: downloadTimeoutMs, encoding: 'utf8' },
  );
  if (result.signal === 'SIGINT') process.exit(130);
  if (result.error?.code === 'ETIMEDOUT') {
    const seconds = downloadTimeoutMs / 1000;
    return { reason: `tải quá ${seconds} giây / download took over ${seconds} s` };
  }
  if (result.status !== 0) {
    return { reason: `không tải được / download failed (${firstError(result.stderr)})` };
  }
  // The package prints "Downloading Electron binary..." before the path: keep the last line.
  const path = result.stdout.trim().split('\n').pop() ?? '';
  return existsSync(path) ? { path } : { reason: `không có tệp / missing file: ${path}` };
}

/** Why this machine cannot show an Electron window at all, if it cannot. */
function noDesktopReason() {
  const { platform, env } = process;
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return 'không có màn hình đồ hoạ (DISPLAY/WAYLAND_DISPLAY trống) / no graphical display (DISPLAY/WAYLAND_DISPLAY unset)';
  }
  return undefined;
}

/** Runs a child with our terminal, forwards Ctrl+C/termination, and exits with its code. */
function run(file, args, env, onSpawnError) {
  const child = spawn(file, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', onSpawnError);
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 1)));
}

function startWeb(reason) {
  process.stderr.write(
    [
      '',
      'Không mở được ứng dụng Electron, nên Xã Số chạy ở chế độ web (mở địa chỉ in ra dưới đây).',
      'Could not open the Electron app, so Xã Số starts in web mode (open the address printed below).',
      `Lý do / Reason: ${reason}`,
      'Electron cần Internet ở lần chạy đầu để tải về; bạn cũng có thể dùng `npm run web` hoặc `npm run xaso -- --help`.',
      'Electron needs the Internet on its first run to download; you can also use `npm run web` or `npm run xaso -- --help`.',
      '',
    ].join('\n'),
  );
  const web = join(root, 'out', 'web', 'xaso-web.js');
  run(process.execPath, [web], process.env, (error) => {
    process.stderr.write(
      `Không chạy được chế độ web / Could not start web mode: ${error.message}\n`,
    );
    process.exit(1);
  });
}

const blocked = noDesktopReason();
const electron = blocked === undefined ? findElectron() : { reason: blocked };
if (electron.path === undefined) {
  startWeb(electron.reason);
} else {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(electron.path, [root, ...process.argv.slice(2)], env, (error) => {
    startWeb(`${electron.path}: ${error.message}`);
  });
}
