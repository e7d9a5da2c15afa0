import { useEffect, useState } from 'react';

/** The current hash route (`#/diagnose` → `diagnose`; empty for the first screen). */
export function useRoute(): [string, (route: string) => void] {
  const read = (): string => window.location.hash.replace(/^#\/?/, '');
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = (): void => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (next) => (window.location.hash = next === '' ? '' : `#/${next}`)];
}
