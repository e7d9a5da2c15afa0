import type { Command, CommandIo, ParsedArgs } from '../command.js';
import { UsageError } from '../command.js';
import { printResult } from '../print.js';
import { progressLine } from './diagnose-format.js';
import { formatConfig, formatLadder, formatLatency } from './network-format.js';

/** The request of `network check`: the flags as they are; the service reads the files. */
function checkRequest(args: ParsedArgs): Record<string, unknown> {
  const request: Record<string, unknown> = {};
  const endpoints = args.flags['endpoints'];
  if (typeof endpoints === 'string') request['endpointsFile'] = endpoints;
  const dns = args.all['dns'];
  if (dns !== undefined) request['dnsServers'] = dns;
  const ca = args.all['ca'];
  if (ca !== undefined) request['caFiles'] = ca;
  return request;
}

async function check(args: ParsedArgs, io: CommandIo): Promise<number> {
  const result = await io.service.invoke('network:check', checkRequest(args), {
    signal: io.signal,
    onProgress: (e) => {
      if (io.isTty && e.label !== undefined) io.err(progressLine(e.percent, e.label[io.lang]));
    },
  });
  return printResult(io, result, (value) => formatLadder(value, io.lang), {
    flagFields: ['endpointsFile', 'caFiles'],
  });
}

/** `xaso network`: the reachability ladder, the adapters, or latency to a host. */
export const networkCommand: Command = {
  name: 'network',
  summary: {
    vi: 'Kiểm tra mạng và các trang dịch vụ công; card mạng; độ trễ',
    en: 'Check the network and public-service sites; adapters; latency',
  },
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
      if (host === undefined)
        throw new UsageError({
          vi: 'Cần địa chỉ: xaso network ping 192.168.1.1',
          en: 'Give a host: xaso network ping 192.168.1.1',
        });
      const count = args.flags['count'];
      const n = typeof count === 'string' ? Number(count) : undefined;
      if (n !== undefined && !(Number.isInteger(n) && n >= 1 && n <= 30))
        throw new UsageError({
          vi: '--count là số từ 1 đến 30',
          en: '--count is a number from 1 to 30',
        });
      const result = await io.service.invoke(
        'network:ping',
        { host, ...(n === undefined ? {} : { count: n }) },
        { signal: io.signal },
      );
      return printResult(io, result, (value) => formatLatency(value, io.lang), {
        flagFields: ['host'],
      });
    }
    throw new UsageError({
      vi: `Không có lệnh con "${sub}" (check, config, ping)`,
      en: `No subcommand "${sub}" (check, config, ping)`,
    });
  },
};
