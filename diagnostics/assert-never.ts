/**
 * Exhaustiveness guard of the platform dispatchers: `default: return assertNever(ctx.platform)`
 * fails to compile when a platform is added and a switch does not handle it (Signal's
 * `missingCaseError`).
 */
export function assertNever(value: never): never {
  throw new TypeError(`Unhandled case: ${String(value)}`);
}
