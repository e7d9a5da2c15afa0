/**
 * Rewrites what PowerShell 7's `ConvertTo-Json` printed into Windows PowerShell 5.1's dialect,
 * so parsers are tested on both from one real run (shared/TECH.md §10):
 * - dates: 7 writes ISO 8601 (`"2026-11-20T08:15:00+07:00"`), 5.1 writes `"\/Date(1763601300000)\/"`
 *   (https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.utility/convertto-json,
 *   and PowerShell/PowerShell#5909 for the change in 6.0);
 * - arrays held in a property: 5.1 may wrap them as `{"value":[…],"Count":n}` (the ETS `Count` of
 *   System.Array, PowerShell/PowerShell#3222 and #5797).
 * Works line by line (the facts batch prints one JSON document per line); other lines pass as-is.
 */
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;

function rewrite(value: unknown, nested: boolean): unknown {
  if (typeof value === 'string' && ISO.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? value : `/Date(${ms})/`;
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => rewrite(v, true));
    return nested ? { value: items, Count: items.length } : items;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v, true)]));
  }
  return value;
}

/** The same output as Windows PowerShell 5.1 would print it. */
export function as51Dialect(stdout: string): string {
  return stdout
    .split('\n')
    .map((line) => {
      const text = line.trim();
      if (!/^[[{]/.test(text)) return line;
      try {
        // 5.1 escapes the solidus of dates: "\/Date(…)\/".
        return JSON.stringify(rewrite(JSON.parse(text), false)).replace(
          /"\/Date\((-?\d+)\)\/"/g,
          '"\\/Date($1)\\/"',
        );
      } catch {
        return line;
      }
    })
    .join('\n');
}
