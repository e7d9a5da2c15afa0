import { useEffect, useState } from 'react';

import type { AppInfo } from '../../main/service/app/contract';
import { failureText, useApi } from '../api/index';

/** Facts about the running app (version, data folder), or why they could not be read. */
export function useAppInfo(lang: string): { info?: AppInfo; error?: string } {
  const api = useApi();
  const [state, setState] = useState<{ info?: AppInfo; error?: string }>({});
  useEffect(() => {
    let live = true;
    void api.app.info({}).then((result) => {
      if (!live) return;
      setState(result.ok ? { info: result.value } : { error: failureText(result, lang) });
    });
    return () => {
      live = false;
    };
  }, [api, lang]);
  return state;
}
