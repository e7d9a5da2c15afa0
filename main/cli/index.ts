/**
 * The `xaso` command: a thin door onto the service. Parses argv, runs one command, exits.
 */
import { createHostContext } from '../../diagnostics/index.js';
import { defaultDataDir } from '../service/data-dir.js';
import { defaultEnv } from '../service/env.js';
import { createService } from '../service/index.js';
import { APP_VERSION } from '../service/version.js';
import { commands } from './commands/index.js';
import { runCli } from './run.js';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());

const host = createHostContext();
const service = createService(
  defaultEnv({
    door: 'cli',
    version: APP_VERSION,
    host,
    dataDir: defaultDataDir(host.env, host.platform, host.os.homedir()),
  }),
);
const envLang = process.env['XASO_LANG'];

const code = await runCli(process.argv.slice(2), {
  service,
  version: APP_VERSION,
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  signal: controller.signal,
  isTty: process.stderr.isTTY,
  commands,
  ...(envLang === 'en' || envLang === 'vi' ? { defaultLang: envLang } : {}),
});
// Exit once output is flushed, even if a library left a timer or socket open.
process.stdout.write('', () => process.exit(code));
