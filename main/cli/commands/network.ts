import { readFile } from 'node:fs/promises';

import type { Command, CommandIo, ParsedArgs } from '../command.js';
import { UsageError } from '../command.js';
import { printResult } from '../print.js';
import { progressLine } from './diagnose-format.js';
import { formatConfig, formatLadder, formatLatency } from './network-format.js';

async function readJsonFile(path: string, flag: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new UsageError({ vi: `--${flag}: không đọc được ${path} (${why})`, en: `--${flag}: cannot read ${path} (${why})` });
  }
}

async function checkRequest(args: ParsedArgs): Promise<Record<string, unknown>> {
  const request: Record<string, unknown> = {};
  const endpoints = args.flags['endpoints'];
  if (typeof endpoints === 'string') {
    const list = (await readJsonFile(endpoints, 'endpoints')) as { endpoints?: unknown; connectivity?: unknown };
    request['endpoints'] = list.endpoints;
    if (list.connectivity !== undefined) request['connectivity'] = list.connectivity;
  }
  const dns = args.all['dns'];
  if (dns !== undefined) request['dnsServers'] = dns;
  const ca = args.all['ca'];
  if (ca !== undefined) request['ca'] = await Promise.all(ca.map((file) => readFile(file, 'utf8').catch(() => { throw new UsageError({ vi: `--ca: không đọc được ${file}`, en: `--ca: cannot read ${file}` }); })));
  return request;
}

async function check(args: ParsedArgs, io: CommandIo): Promise<number> {
  const result = await io.service.invoke('network:check', await checkRequest(args), {
    signal: io.signal,
    onProgress: (e) => {
      if (io.isTty && e.label !== undefined) io.err(progressLine(e.percent, e.label[io.lang]));
    },
  });
  return printResult(io, result, (value) => formatLadder(value, io.lang));
}

/** `xaso network`: the reachability ladder, the adapters, or latency to a host. */
export const networkCommand: Command = {
  name: 'network',
  summary: { vi: 'Kiểm tra mạng và các trang dịch vụ công; card mạng; độ trễ', en: 'Check the network and public-service sites; adapters; latency' },
  usage: [
    'xaso network [check] [--json] [--endpoints FILE.json] [--dns IP]... [--ca CA.pem]...',
    'xaso network config [--json]',
    'xaso network ping HOST [--count N] [--json]',
  ],
  flags: ['endpoints', 'dns', 'ca', 'count'],
  async run(args, io) {
    const [sub = 'check', host] = args.positionals;
    if (sub === 'check') return check(args, io);
    if (sub === 'config') {
      const result = await io.service.invoke('network:config', {}, { signal: io.signal });
      return printResult(io, result, (value) => formatConfig(value, io.lang));
    }
    if (sub === 'ping') {
      if (host === undefined) throw new UsageError({ vi: 'Cần địa chỉ: xaso network ping 192.168.1.1', en: 'Give a host: xaso network ping 192.168.1.1' });
      const count = args.flags['count'];
      const n = typeof count === 'string' ? Number(count) : undefined;
      if (n !== undefined && !(Number.isInteger(n) && n >= 1 && n <= 30)) throw new UsageError({ vi: '--count là số từ 1 đến 30', en: '--count is a number from 1 to 30' });
      const result = await io.service.invoke('network:ping', { host, ...(n === undefined ? {} : { count: n }) }, { signal: io.signal });
      return printResult(io, result, (value) => formatLatency(value, io.lang));
    }
    throw new UsageError({ vi: `Không có lệnh con "${sub}" (check, config, ping)`, en: `No subcommand "${sub}" (check, config, ping)` });
  },
};
