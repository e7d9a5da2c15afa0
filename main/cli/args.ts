import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';

import type { ParsedArgs } from './command.js';

/** Flags every command accepts (`--lang` is taken out of argv first, see {@link extractLang}). */
export const GLOBAL_FLAGS = ['json', 'lang', 'help', 'version'] as const;

type Options = NonNullable<ParseArgsConfig['options']>;

/** Why argv could not be parsed: an undeclared flag, or a flag given a value it cannot take. */
export type ArgsProblem = Readonly<
  { kind: 'unknown'; flag: string } | { kind: 'invalid'; message: string }
>;

/**
 * `util.parseArgs` options from a command's flag declarations (the single source): a name
 * ending in `?` is a boolean switch; any other name takes a string value and may repeat
 * (`--ca A --ca B`). The global `--json`, `--help` (`-h`), `--version` and `--lang` are added.
 */
export function optionsOf(flags: readonly string[]): Options {
  const options: Options = {
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
    lang: { type: 'string' },
  };
  for (const flag of flags) {
    options[flag.replace(/\?$/, '')] = flag.endsWith('?')
      ? { type: 'boolean' }
      : { type: 'string', multiple: true };
  }
  return options;
}

/**
 * A value flag written bare (`--out` last, or before another `--flag`) is kept as `true`, so
 * the command answers with its own message ("--out cần tên tệp"), not parseArgs' generic one.
 */
function takeBare(argv: readonly string[], options: Options): { rest: string[]; bare: string[] } {
  const rest: string[] = [];
  const bare: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    const next = argv[i + 1];
    if (
      name !== undefined &&
      options[name]?.type === 'string' &&
      (next === undefined || next.startsWith('--'))
    )
      bare.push(name);
    else rest.push(arg);
  }
  return { rest, bare };
}

function problemOf(error: unknown): ArgsProblem {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  const flag = /^Unknown option '-{1,2}([^']*)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag !== undefined)
    return { kind: 'unknown', flag };
  return { kind: 'invalid', message };
}

/**
 * Splits argv (without node, script and command name) with `util.parseArgs` in strict mode:
 * `--name=value`, `--name value`, repeated `--name` (every value in `all`, the last in `flags`),
 * boolean switches, and `--` ending flags. An undeclared flag or a bad value is a problem.
 */
export function parseArgs(
  argv: readonly string[],
  flags: readonly string[],
): ParsedArgs | ArgsProblem {
  const options = optionsOf(flags);
  const { rest, bare } = takeBare(argv, options);
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args: rest, options, strict: true, allowPositionals: true });
  } catch (error) {
    return problemOf(error);
  }
  const values: Record<string, string | true> = {};
  const all: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    if (Array.isArray(value)) {
      all[name] = value.filter((v): v is string => typeof v === 'string');
      if (all[name].length > 0) values[name] = all[name].at(-1)!;
    } else if (typeof value === 'string') {
      values[name] = value;
      all[name] = [value];
    } else if (value === true) values[name] = true;
  }
  for (const name of bare) values[name] ??= true;
  return { positionals: parsed.positionals, flags: values, all };
}

/** True when {@link parseArgs} could not parse argv. */
export function isProblem(parsed: ParsedArgs | ArgsProblem): parsed is ArgsProblem {
  return 'kind' in parsed;
}

/**
 * Takes `--lang X` / `--lang=X` out of argv (it may stand anywhere, even before the command
 * name), found with `util.parseArgs` tokens. A value other than `vi` or `en` is returned as `bad`.
 */
export function extractLang<L extends string>(
  argv: readonly string[],
  fallback: L,
): { lang: L | 'vi' | 'en'; rest: string[] } | { bad: string } {
  const { tokens } = nodeParseArgs({
    args: [...argv],
    options: { lang: { type: 'string' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const drop = new Set<number>();
  let lang: L | 'vi' | 'en' = fallback;
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name !== 'lang') continue;
    drop.add(token.index);
    if (token.inlineValue === false) drop.add(token.index + 1);
    const value = token.value ?? '';
    if (value !== 'vi' && value !== 'en') return { bad: value };
    lang = value;
  }
  return { lang, rest: argv.filter((_, i) => !drop.has(i)) };
}

/** True when `value` (a flag's value) is one of `choices`; narrows it to their union. */
export function isOneOf<const T extends string>(
  choices: readonly T[],
  value: string | true | undefined,
): value is T {
  return choices.some((choice) => choice === value);
}

/** True for a real calendar day written YYYY-MM-DD (2026-02-29 and 2026-13-45 are not). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}
