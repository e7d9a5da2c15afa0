import type { AppInfo } from '../../main/service/app/contract';
import { useApi } from '../api/index';
import { pick } from '../i18n/pick';
import { useLoad } from './use-call';

/** Facts about the running app (version, data folder), or why they could not be read. */
export function useAppInfo(lang: string): { info?: AppInfo; error?: string } {
  const api = useApi();
  const { state } = useLoad<AppInfo>(() => api.app.info({}), [api]);
  if (state.error !== undefined) return { error: pick(state.error, lang) };
  return state.value === undefined ? {} : { info: state.value };
}
