/** `2026-12-01` → `01/12/2026` (vi) or `1 Dec 2026` (en), as `vocabulary.ts` formatDate writes it. */
export function formatDay(iso: string | undefined, lang: 'vi' | 'en'): string {
  if (iso === undefined) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (m === null) return iso;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  if (lang === 'vi') return `${d}/${mo}/${y}`;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
