import { readNetworkConfig } from '../../../diagnostics/network/config.js';
import {
  CONFIRM_ABOVE_PREFIX,
  localRanges,
  MAX_PREFIX,
  onLinkRanges,
  parseCidr,
  type Ipv4Range,
} from '../../../diagnostics/scan/cidr.js';
import { scanLan } from '../../../diagnostics/scan/scan-lan.js';
import type { HostContext } from '../../../diagnostics/types.js';
import type { Handlers } from '../define.js';
import type { ServiceEnv } from '../env.js';
import { ServiceError } from '../errors.js';
import { requestHost } from '../network/handlers.js';
import type { scanContract, ScanProgressData } from './contract.js';

function ownAddresses(host: HostContext): string[] {
  return Object.values(host.os.networkInterfaces()).flatMap((list) =>
    (list ?? []).filter((a) => a.family === 'IPv4' && !a.internal).map((a) => a.address),
  );
}

function rangesOf(host: HostContext, cidr: string | undefined, confirmLarge: boolean): Ipv4Range[] {
  if (cidr === undefined) {
    const own = localRanges(host.os.networkInterfaces());
    if (own.length === 0)
      throw new ServiceError('unavailable', {
        vi: 'Máy không có card mạng nào có địa chỉ IPv4 để quét.',
        en: 'No network adapter with an IPv4 address to scan.',
      });
    return own;
  }
  const range = parseCidr(cidr);
  if (range === undefined)
    throw new ServiceError('invalid-request', {
      vi: `"${cidr}" không phải dải địa chỉ (ví dụ 192.168.1.0/24).`,
      en: `"${cidr}" is not an address range (e.g. 192.168.1.0/24).`,
    });
  if (range.prefix < MAX_PREFIX)
    throw new ServiceError('invalid-request', {
      vi: `Dải ${range.cidr} quá lớn (tối đa /${MAX_PREFIX}).`,
      en: `${range.cidr} is too large (at most a /${MAX_PREFIX}).`,
    });
  if (range.prefix < CONFIRM_ABOVE_PREFIX && !confirmLarge) {
    throw new ServiceError('conflict', {
      vi: `Dải ${range.cidr} có ${range.size} địa chỉ, lớn hơn /${CONFIRM_ABOVE_PREFIX}: cần xác nhận (confirmLarge).`,
      en: `${range.cidr} has ${range.size} addresses, more than a /${CONFIRM_ABOVE_PREFIX}: confirmation needed (confirmLarge).`,
    });
  }
  return [range];
}

/** Handlers of the `scan:*` channels. */
export function scanHandlers(env: ServiceEnv): Handlers<typeof scanContract> {
  return {
    'scan:run': async (request, { progress, signal }) => {
      const ctx = requestHost(env);
      const ranges = rangesOf(ctx, request.cidr, request.confirmLarge === true);
      const config = await readNetworkConfig(ctx, signal);
      const gateway = config.status === 'ok' ? config.data.defaultGateway : undefined;
      let lastPercent = -1;
      return scanLan(ctx, {
        ranges,
        onLink: onLinkRanges(ctx.os.networkInterfaces()),
        selfAddresses: ownAddresses(ctx),
        ...(gateway === undefined ? {} : { gateways: [gateway] }),
        ...(request.icmp === undefined ? {} : { icmp: request.icmp }),
        reverseDns:
          request.reverseDns === false
            ? false
            : request.dnsServers === undefined
              ? {}
              : { servers: request.dnsServers },
        ...(request.netbios === undefined ? {} : { netbios: request.netbios }),
        signal,
        onProgress: ({ done, total, found }) => {
          const percent = Math.floor((done / total) * 100);
          if (percent === lastPercent) return;
          lastPercent = percent;
          const data: ScanProgressData = { done, total, found };
          progress({
            percent,
            label: {
              vi: `Đã thử ${done}/${total} địa chỉ, thấy ${found} thiết bị`,
              en: `Tried ${done}/${total} addresses, found ${found} devices`,
            },
            event: 'progress',
            data,
          });
        },
      });
    },
  };
}
