/**
 * The editable endpoint list (`diagnostics/data/endpoints.json`), validated when read so a
 * hand-edited file that is wrong is reported, not half-used.
 */
import defaults from '../data/endpoints.json' with { type: 'json' };
import type { ConnectivityProbe, Endpoint } from './types.js';

/** The list: the internet probe and the endpoints. */
export type EndpointList = Readonly<{
  connectivity?: ConnectivityProbe;
  endpoints: readonly Endpoint[];
}>;

const KINDS = new Set(['portal', 'identity', 'ca', 'tsa', 'ocsp', 'other']);

function isText(v: unknown): v is { vi: string; en: string } {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { vi?: unknown }).vi === 'string' &&
    typeof (v as { en?: unknown }).en === 'string'
  );
}

function toEndpoint(raw: unknown, index: number): Endpoint {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const where = `endpoints[${index}]`;
  if (typeof r['id'] !== 'string' || r['id'] === '') throw new Error(`${where}.id is missing`);
  if (typeof r['url'] !== 'string' || !/^https?:\/\//.test(r['url']))
    throw new Error(`${where}.url must start with http:// or https://`);
  if (!isText(r['name'])) throw new Error(`${where}.name must be { vi, en }`);
  const kind =
    typeof r['kind'] === 'string' && KINDS.has(r['kind'])
      ? (r['kind'] as Endpoint['kind'])
      : 'other';
  const okStatuses = Array.isArray(r['okStatuses'])
    ? r['okStatuses'].filter((n): n is number => typeof n === 'number')
    : undefined;
  return {
    id: r['id'],
    url: r['url'],
    name: r['name'],
    kind,
    ...(okStatuses === undefined ? {} : { okStatuses }),
    ...(r['placeholder'] === true ? { placeholder: true } : {}),
  };
}

/** Validates a parsed endpoints file; throws `Error` naming the first bad field. */
export function parseEndpointList(data: unknown): EndpointList {
  const record = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (!Array.isArray(record['endpoints'])) throw new Error('"endpoints" must be a list');
  const c = record['connectivity'] as Record<string, unknown> | undefined;
  const connectivity =
    c !== undefined && typeof c['url'] === 'string' && typeof c['expectBody'] === 'string'
      ? { url: c['url'], expectBody: c['expectBody'] }
      : undefined;
  return {
    ...(connectivity === undefined ? {} : { connectivity }),
    endpoints: record['endpoints'].map(toEndpoint),
  };
}

/** The list shipped with the app. */
export function defaultEndpointList(): EndpointList {
  return parseEndpointList(defaults);
}

/**
 * The list with a province's own endpoints (from its province pack, passed in by the service;
 * this library reads no files): they replace the placeholder entries (`dichvucong.TINH.gov.vn`)
 * and are added once each (an URL already listed is not repeated). With no province endpoints
 * the list is returned as it is, placeholder included, so the intern still sees what to set.
 */
export function withProvinceEndpoints(
  list: EndpointList,
  province: readonly Endpoint[],
): EndpointList {
  if (province.length === 0) return list;
  const kept = list.endpoints.filter((e) => e.placeholder !== true);
  const seen = new Set(kept.map((e) => e.url.toLowerCase()));
  const added = province.filter((e) => {
    const key = e.url.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...list, endpoints: [...kept, ...added] };
}
