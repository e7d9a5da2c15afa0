/**
 * The renderer's one way to the service. In Electron it wraps the preload's `window.xaso`
 * bridge; in a browser (web mode) it calls the loopback server with the launch token. Both give
 * the same typed `XasoApi`: `api.diagnostics.run(request, { onProgress, signal })`.
 */
import type { XasoApi } from '../../main/service/contract';
import type { CallOptions, IpcResult, LocalText } from '../../main/service/define';
import { bridgeCaller } from './bridge';
import { pick } from '../i18n/pick';
import type { Caller } from './types';
import { webCaller } from './web';

export type { Caller } from './types';

/** Builds `api.domain.method(...)` on top of a caller. */
export function apiFromCaller(call: Caller): XasoApi {
  return new Proxy({} as XasoApi, {
    get: (_target, domain) =>
      typeof domain !== 'string'
        ? undefined
        : new Proxy(
            {},
            {
              get: (_t, method) =>
                typeof method !== 'string'
                  ? undefined
                  : (payload: unknown, options?: CallOptions) =>
                      call(`${domain}:${method}`, payload, options),
            },
          ),
  });
}

let cached: XasoApi | undefined;

/** The API for this page: the Electron bridge when present, the web door otherwise. */
export function getApi(): XasoApi {
  cached ??= apiFromCaller(
    window.xaso ? bridgeCaller(window.xaso) : webCaller(window.location, window.sessionStorage),
  );
  return cached;
}

/** React hook form of `getApi()`. */
export function useApi(): XasoApi {
  return getApi();
}

/** A failure's text in both languages, with the request issues that caused it (empty on success). */
export function failureLocal(result: IpcResult<unknown>): LocalText {
  return { vi: failureText(result, 'vi'), en: failureText(result, 'en') };
}

/** A failure's text in the UI language. */
export function failureText(result: IpcResult<unknown>, lang: string): string {
  if (result.ok) return '';
  const text = pick(result.error.message, lang);
  const issues = (result.error.issues ?? []).map((i) => `${i.path}: ${pick(i.message, lang)}`);
  return issues.length > 0 ? `${text} (${issues.join('; ')})` : text;
}
