import type { IpcResult } from '../../service/define.js';
import type { QueueItem, QueueState } from '../../service/send-queue/contract.js';
import type { CommandIo, ParsedArgs } from '../command.js';
import { UsageError } from '../command.js';
import { printResult } from '../print.js';
import { visitRef } from './visit.js';

function line(item: QueueItem, io: CommandIo): string {
  const where = `${item.commune} ${item.date}`.trim();
  const vi = io.lang === 'vi';
  if (item.status === 'sent' && item.receipt !== undefined) {
    const text = item.receipt.message?.[io.lang] ?? '';
    return vi
      ? `Đã gửi ${where}: biên nhận ${item.receipt.id}, lúc ${item.receipt.receivedAt}. ${text}`.trim()
      : `Sent ${where}: receipt ${item.receipt.id}, at ${item.receipt.receivedAt}. ${text}`.trim();
  }
  const why = item.lastError?.[io.lang] ?? '';
  if (item.status === 'refused')
    return vi ? `Máy chủ từ chối ${where}: ${why}` : `The server refused ${where}: ${why}`;
  const next = item.nextAttemptAt === undefined ? '' : ` (${item.nextAttemptAt})`;
  return vi
    ? `Chưa gửi ${where}, đang chờ trong hàng đợi${next}. ${why}`.trim()
    : `Not sent yet ${where}, waiting in the queue${next}. ${why}`.trim();
}

/**
 * `xaso report [VISIT_FILE] --send [--server URL]`: seals the visit into the send queue (when a
 * file is given), then sends every waiting report. Exit 0 when nothing is left waiting, 1 when
 * some report waits for a later try (it stays queued: nothing is lost).
 */
export async function sendReport(
  file: string | undefined,
  args: ParsedArgs,
  io: CommandIo,
): Promise<number> {
  const server = args.flags['server'];
  if (server === true)
    throw new UsageError({ vi: '--server cần địa chỉ', en: '--server needs an address' });
  const call = async (channel: string, payload: unknown): Promise<IpcResult<QueueState>> =>
    (await io.service.invokeUnknown(channel, payload, {
      signal: io.signal,
    })) as IpcResult<QueueState>;
  if (server !== undefined) {
    const set = await call('outbox:set-server', { url: server });
    if (!set.ok) return printResult(io, set, () => [], { flagFields: ['url'] });
  }
  let hash: string | undefined;
  if (file !== undefined) {
    const before = await call('outbox:list', {});
    const queued = await call('outbox:enqueue', { ref: visitRef(file), lang: io.lang });
    if (!queued.ok) return printResult(io, queued, () => []);
    const known = new Set(before.ok ? before.value.items.map((i) => i.fileHash) : []);
    hash = queued.value.items.find((i) => !known.has(i.fileHash))?.fileHash;
  }
  const result = await call('outbox:send', { force: true });
  const code = printResult(io, result, (state) => {
    const shown = state.items.filter((i) => i.status !== 'sent' || i.fileHash === hash);
    const lines = shown.map((i) => line(i, io));
    if (state.server === undefined)
      lines.push(
        io.lang === 'vi'
          ? 'Chưa đặt máy chủ thu nhận: thêm --server https://… (người giám sát cho địa chỉ).'
          : 'No collection server set: add --server https://… (the supervisor gives the address).',
      );
    return lines;
  });
  if (code !== 0 || !result.ok) return code;
  return result.value.counts.pending > 0 ? 1 : 0;
}
