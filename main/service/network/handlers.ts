import { join } from 'node:path';

import type { z } from 'zod';

import { readNetworkConfig } from '../../../diagnostics/network/config.js';
import {
  defaultEndpointList,
  parseEndpointList,
  withProvinceEndpoints,
  type EndpointList,
} from '../../../diagnostics/network/endpoints.js';
import { runLadder } from '../../../diagnostics/network/ladder.js';
import { measureLatency } from '../../../diagnostics/network/latency.js';
import type { HostContext } from '../../../diagnostics/types.js';
import type { Handlers } from '../define.js';
import type { ServiceEnv } from '../env.js';
import { ServiceError } from '../errors.js';
import { provinceEndpoints } from '../province/derive.js';
import { readPack } from '../province/store.js';
import { readCaFiles, readEndpointsFile } from '../request-files.js';
import { readBoundedText } from '../storage/read-file.js';
import { toRequestIssues } from '../validation.js';
import { endpointsFileSchema, type networkContract, type NetworkProgressData } from './contract.js';

/** The endpoints and connectivity probe of an `endpointsFile`, checked as the request would be. */
async function endpointsFromFile(
  env: ServiceEnv,
  file: string | undefined,
): Promise<z.infer<typeof endpointsFileSchema>> {
  if (file === undefined) return {};
  const parsed = endpointsFileSchema.safeParse(await readEndpointsFile(env, file));
  if (parsed.success) return parsed.data;
  const issues = toRequestIssues(parsed.error).map((i) => ({
    ...i,
    path: `endpointsFile.${i.path}`,
  }));
  throw new ServiceError(
    'invalid-request',
    { vi: `Tệp ${file} sai`, en: `${file} is wrong` },
    { issues },
  );
}

/**
 * The service's host for one request: a copy of `env.host`, so a per-context cache a probe
 * might keep (the Windows facts batch) lives no longer than the request.
 */
export function requestHost(env: ServiceEnv): HostContext {
  return { ...env.host };
}

/**
 * The endpoint list: `<dataDir>/endpoints.json` when the intern saved one (same shape as
 * `diagnostics/data/endpoints.json`), else the shipped list; the imported province pack's
 * systems replace the provincial placeholder.
 */
export async function endpointList(env: ServiceEnv): Promise<EndpointList> {
  const pack = await readPack(env.dataDir);
  return withProvinceEndpoints(
    await savedEndpointList(env),
    pack === undefined ? [] : provinceEndpoints(pack.pack),
  );
}

async function savedEndpointList(env: ServiceEnv): Promise<EndpointList> {
  const file = join(env.dataDir, 'endpoints.json');
  const text = await readBoundedText(file, { maxBytes: 1024 * 1024 }).catch(() => undefined);
  if (text === undefined) return defaultEndpointList();
  try {
    return parseEndpointList(JSON.parse(text));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ServiceError('invalid-request', {
      vi: `Tệp ${file} sai: ${why}`,
      en: `${file} is wrong: ${why}`,
    });
  }
}

/** Handlers of the `network:*` channels. */
export function networkHandlers(env: ServiceEnv): Handlers<typeof networkContract> {
  return {
    'network:check': async (request, { progress, signal }) => {
      const fromFile = await endpointsFromFile(env, request.endpointsFile);
      const caFromFiles = (await readCaFiles(env, request.caFiles)) ?? [];
      const ctx = requestHost(env);
      const config = await readNetworkConfig(ctx, signal);
      if (config.status !== 'ok')
        throw new ServiceError('unavailable', {
          vi: `Không đọc được cấu hình mạng: ${config.reason}`,
          en: `Could not read the network configuration: ${config.reason}`,
        });
      const list = await endpointList(env);
      const s = ctx.settings;
      const asked = (fromFile.endpoints ?? request.endpoints)?.map(
        ({ okStatuses, placeholder, ...e }) => ({
          ...e,
          ...(okStatuses === undefined ? {} : { okStatuses }),
          ...(placeholder === undefined ? {} : { placeholder }),
        }),
      );
      const endpoints = asked ?? s?.endpoints ?? list.endpoints;
      const connectivity =
        fromFile.connectivity ?? request.connectivity ?? s?.connectivity ?? list.connectivity;
      const dnsServers = request.dnsServers ?? s?.dnsServers;
      const ca = [...(s?.extraCa ?? []), ...(request.ca ?? []), ...caFromFiles];
      const total = 4 + endpoints.filter((e) => e.placeholder !== true).length;
      let done = 0;
      const step = (
        event: 'rung' | 'endpoint',
        data: NetworkProgressData,
        label: { vi: string; en: string },
      ): void => {
        done += 1;
        progress({ percent: Math.min(99, Math.round((done / total) * 100)), label, event, data });
      };
      return runLadder(ctx, {
        config: config.data,
        endpoints,
        ...(connectivity === undefined ? {} : { connectivity }),
        ...(dnsServers === undefined ? {} : { dnsServers }),
        ...(ca.length === 0 ? {} : { ca }),
        ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
        signal,
        onRung: (rung) => {
          if (rung.id !== 'endpoints') step('rung', { rung }, rung.title);
        },
        onEndpoint: (endpoint) => step('endpoint', { endpoint }, endpoint.name),
      });
    },
    'network:config': async (_request, { signal }) => {
      const config = await readNetworkConfig(requestHost(env), signal);
      if (config.status !== 'ok')
        throw new ServiceError('unavailable', {
          vi: `Không đọc được cấu hình mạng: ${config.reason}`,
          en: `Could not read the network configuration: ${config.reason}`,
        });
      return config.data;
    },
    'network:ping': async (request, { signal }) =>
      measureLatency(requestHost(env), request.host, {
        ...(request.count === undefined ? {} : { count: request.count }),
        signal,
      }),
  };
}
