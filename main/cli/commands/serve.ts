import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import type { Command, CommandIo, ParsedArgs } from '../command.js';
import { UsageError } from '../command.js';

const usageText = (vi: string, en: string): UsageError => new UsageError({ vi, en });

function flag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags[name];
  if (value === true) throw usageText(`--${name} cần giá trị`, `--${name} needs a value`);
  return value;
}

async function configText(args: ParsedArgs): Promise<string | undefined> {
  const file = flag(args, 'config');
  if (file === undefined) return undefined;
  return readFile(file, 'utf8').catch((error: Error) => {
    throw usageText(
      `Không đọc được tệp cấu hình ${file}: ${error.message}`,
      `Cannot read the config file ${file}: ${error.message}`,
    );
  });
}

/** Starts the server and waits for Ctrl+C or SIGTERM. */
async function serve(args: ParsedArgs, io: CommandIo): Promise<number> {
  const { loadServerConfig } = await import('../../server/config.js');
  const loaded = loadServerConfig(await configText(args), process.env);
  if (!loaded.ok) throw new UsageError(loaded.message);
  const { startCollectionServer } = await import('../../server/server.js');
  const server = await startCollectionServer({
    config: loaded.config,
    // out/cli/xaso.js → out/renderer (the built desk).
    defaultStaticDir: fileURLToPath(new URL('../renderer', import.meta.url)),
  });
  io.out(
    io.json
      ? JSON.stringify({ url: server.url, schema: server.schemaVersion })
      : io.lang === 'vi'
        ? `Máy chủ thu nhận Xã Số đang chạy: ${server.url} (lược đồ ${server.schemaVersion}). Ctrl+C để dừng.`
        : `Xã Số collection server running: ${server.url} (schema ${server.schemaVersion}). Ctrl+C to stop.`,
  );
  await new Promise<void>((resolve) => {
    if (io.signal.aborted) resolve();
    io.signal.addEventListener('abort', () => resolve(), { once: true });
    process.once('SIGTERM', () => resolve());
  });
  await server.close();
  return 0;
}

/** `xaso serve programme|account|enrol …`: the operator's actions, on the database. */
async function admin(sub: string, args: ParsedArgs, io: CommandIo): Promise<number> {
  const { loadServerConfig } = await import('../../server/config.js');
  const loaded = loadServerConfig(await configText(args), process.env);
  if (!loaded.ok) throw new UsageError(loaded.message);
  const { openDb } = await import('../../server/db.js');
  const ops = await import('../../server/admin.js');
  const db = openDb({ url: loaded.config.databaseUrl, maxConnections: 2 });
  const actor = `cli:${process.env['USER'] ?? 'operator'}`;
  const [, target] = args.positionals;
  const name = flag(args, 'name');
  try {
    if (target === undefined) throw usageText('Thiếu đối tượng', 'Missing the target');
    let done: unknown;
    if (sub === 'programme') {
      done = await ops.addProgramme(db, target, name ?? target, actor);
      done = { id: target, name: name ?? target };
    } else if (sub === 'account') {
      const role = flag(args, 'role') ?? 'supervisor';
      if (role !== 'admin' && role !== 'supervisor' && role !== 'viewer')
        throw usageText(
          '--role: admin, supervisor hoặc viewer',
          '--role: admin, supervisor or viewer',
        );
      const password = process.env['XASO_PASSWORD'];
      if (password === undefined || password.length < 12)
        throw usageText(
          'Đặt mật khẩu (ít nhất 12 ký tự) trong biến môi trường XASO_PASSWORD',
          'Put the password (at least 12 characters) in the XASO_PASSWORD environment variable',
        );
      done = await ops.addAccount(
        db,
        {
          username: target,
          displayName: name ?? target,
          role,
          password,
          programmes: args.all['programme'] ?? [],
        },
        actor,
      );
    } else {
      const programme = flag(args, 'programme');
      if (programme === undefined || name === undefined)
        throw usageText('Cần --programme và --name', '--programme and --name are needed');
      const text = /^[0-9a-f]{16}$/.test(target) ? target : await readFile(target, 'utf8');
      done = await ops.enrolKey(db, programme, text, name, actor, new Date());
    }
    io.out(JSON.stringify(done, null, io.json ? 2 : 0));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.err(`xaso serve ${sub}: ${(error as Error).message}`);
    return 1;
  } finally {
    await db.close();
  }
}

/** `xaso serve`: the collection server on PostgreSQL (main/server/). */
export const serveCommand: Command = {
  name: 'serve',
  summary: {
    vi: 'Máy chủ thu nhận báo cáo của tỉnh (PostgreSQL): nhận báo cáo gửi từ hiện trường, bàn làm việc trên trình duyệt',
    en: 'Province collection server (PostgreSQL): receives reports sent from the field, desk in the browser',
  },
  usage: [
    'xaso serve [--config xaso-server.json]        (DATABASE_URL, XASO_LISTEN, XASO_TLS_CERT/KEY, XASO_BEHIND_PROXY)',
    'xaso serve programme ID --name "Tên chương trình"',
    'XASO_PASSWORD=… xaso serve account USER --role admin|supervisor|viewer [--programme ID]… [--name "Họ tên"]',
    'xaso serve enrol KEY_FILE.json|KEY_ID --programme ID --name "Họ tên sinh viên"',
  ],
  flags: ['config', 'name', 'role', 'programme'],
  async run(args, io) {
    const [sub] = args.positionals;
    if (sub === undefined) return serve(args, io);
    if (sub === 'programme' || sub === 'account' || sub === 'enrol') return admin(sub, args, io);
    throw usageText(
      `Không có lệnh "xaso serve ${sub}" (programme, account, enrol)`,
      `No command "xaso serve ${sub}" (programme, account, enrol)`,
    );
  },
};
