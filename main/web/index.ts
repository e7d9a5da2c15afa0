/**
 * `npm run web` / `xaso-web`: starts the loopback web door and prints the address to open.
 * Options: `--port N` (default: a free port), `--data-dir DIR`.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { createHostContext } from '../../diagnostics/index.js';
import { defaultDataDir } from '../service/data-dir.js';
import { defaultEnv } from '../service/env.js';
import { createService } from '../service/index.js';
import { APP_VERSION } from '../service/version.js';
import { startWebServer } from './server.js';

function readArgs(): { port?: string; 'data-dir'?: string } {
  try {
    const options = { port: { type: 'string' }, 'data-dir': { type: 'string' } } as const;
    return parseArgs({ args: process.argv.slice(2), options, strict: true }).values;
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(
      `xaso-web: tuỳ chọn: --port N, --data-dir DIR / options: --port N, --data-dir DIR (${why})\n`,
    );
    process.exit(2);
  }
}
const args = readArgs();
const portFlag = args.port;
const port = typeof portFlag === 'string' ? Number(portFlag) : 0;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`xaso-web: --port phải là số từ 0 đến 65535 / --port must be 0–65535\n`);
  process.exit(2);
}
const dataFlag = args['data-dir'];
const host = createHostContext();
const dataDir =
  typeof dataFlag === 'string'
    ? dataFlag
    : defaultDataDir(host.env, host.platform, host.os.homedir());
const here = dirname(fileURLToPath(import.meta.url));
const service = createService(defaultEnv({ door: 'web', version: APP_VERSION, host, dataDir }));
const server = await startWebServer({ service, staticDir: join(here, '..', 'renderer'), port });

process.stdout.write(
  [
    `Xã Số ${APP_VERSION} — chế độ web (chỉ trên máy này, 127.0.0.1)`,
    `Mở địa chỉ này trong trình duyệt / Open this address in a browser:`,
    ``,
    `  ${server.url}`,
    ``,
    `Dữ liệu / Data: ${dataDir}`,
    `Nhấn Ctrl+C để dừng / Press Ctrl+C to stop.`,
    ``,
  ].join('\n'),
);
const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
