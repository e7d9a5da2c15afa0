import { printerBackend } from '../../../diagnostics/printers/backend.js';
import { fault, isSpoolerStopped } from '../../../diagnostics/printers/faults.js';
import { ippUriOfHostPort, queryIppPrinter } from '../../../diagnostics/printers/ipp-printer.js';
import { querySnmpPrinter } from '../../../diagnostics/printers/snmp-printer.js';
import { enrichPrinter } from '../../../diagnostics/printers/status.js';
import type { Handlers } from '../define.js';
import type { ServiceEnv } from '../env.js';
import { ServiceError } from '../errors.js';
import { requestHost } from '../network/handlers.js';
import type { printersContract } from './contract.js';

/** Handlers of the `printers:*` channels. */
export function printersHandlers(env: ServiceEnv): Handlers<typeof printersContract> {
  const backend = () => printerBackend(requestHost(env));
  return {
    'printers:list': async (request, { signal }) => {
      const list = await backend().list(signal);
      if (list.status !== 'ok' && isSpoolerStopped(list.reason)) {
        const stopped = fault('spooler-stopped');
        throw new ServiceError('unavailable', {
          vi: `${stopped.text.vi} ${stopped.fix.vi}`,
          en: `${stopped.text.en} ${stopped.fix.en}`,
        });
      }
      if (list.status !== 'ok')
        throw new ServiceError('unavailable', {
          vi: `Không đọc được danh sách máy in: ${list.reason}`,
          en: `Could not read the printers: ${list.reason}`,
        });
      if (request.direct === false) return list.data;
      return Promise.all(list.data.map((p) => enrichPrinter(p, { signal })));
    },
    'printers:status': async (request, { signal }) => {
      const hostPort = request.host === undefined ? undefined : ippUriOfHostPort(request.host);
      const uri = request.uri ?? hostPort ?? `ipp://${request.host ?? ''}:631/ipp/print`;
      const result = await queryIppPrinter({ uri }, { signal });
      if (result.status === 'ok') return result.data;
      if (request.host === undefined || hostPort !== undefined)
        throw new ServiceError('unavailable', {
          vi: `Máy in ${uri} không trả lời qua IPP: ${result.reason}`,
          en: `The printer ${uri} does not answer over IPP: ${result.reason}`,
        });
      const snmp = await querySnmpPrinter({
        host: request.host,
        ...(request.snmp?.port === undefined ? {} : { port: request.snmp.port }),
        ...(request.snmp?.community === undefined ? {} : { community: request.snmp.community }),
      });
      if (snmp.status === 'ok') return snmp.data;
      throw new ServiceError('unavailable', {
        vi: `Máy in ${request.host} không trả lời qua IPP (${result.reason}) lẫn SNMP (${snmp.reason}).`,
        en: `The printer ${request.host} answers neither IPP (${result.reason}) nor SNMP (${snmp.reason}).`,
      });
    },
    'printers:test-page': async (request, { progress, signal }) => {
      progress({
        percent: 5,
        label: {
          vi: `Đang gửi trang in thử tới "${request.name}"…`,
          en: `Sending a test page to "${request.name}"…`,
        },
        event: 'sent',
      });
      return backend().printTestPage(request.name, {
        ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
        signal,
      });
    },
    'printers:clear-queue': async (request, { signal }) =>
      backend().clearQueue(request.name, signal),
    'printers:restart-spooler': async (_request, { signal }) => backend().restartSpooler(signal),
  };
}
