import type { ParsedArgs } from './command.js';

/** Flags every command accepts. */
export const GLOBAL_FLAGS = ['json', 'lang', 'help', 'version'] as const;

/**
 * Splits argv (without node and script) into positionals and flags. `--name=value`,
 * `--name value` and bare `--name` (true) are understood; `--` ends flags. A flag followed by
 * another flag or nothing is bare. Flags listed in `booleanFlags` never take a value.
 */
export function parseArgs(argv: readonly string[], booleanFlags: ReadonlySet<string>): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  const all: Record<string, string[]> = {};
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPositionals || !arg.startsWith('--') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    let value: string | true = true;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (!booleanFlags.has(name) && i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) {
      value = argv[++i]!;
    }
    flags[name] = value;
    if (typeof value === 'string') (all[name] ??= []).push(value);
  }
  return { positionals, flags, all };
}

/** True when `value` (a flag's value) is one of `choices`; narrows it to their union. */
export function isOneOf<const T extends string>(choices: readonly T[], value: string | true | undefined): value is T {
  return choices.some((choice) => choice === value);
}
