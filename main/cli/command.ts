import type { Lang, LocalText } from '../service/define.js';
import type { Service } from '../service/index.js';

/** Parsed command line: positionals after the command name, and `--flag value` options. */
export type ParsedArgs = Readonly<{
  positionals: readonly string[];
  /** `--name value` and `--name=value`; a bare `--name` is `true`. Repeated flags keep the last. */
  flags: Readonly<Record<string, string | true>>;
  /** Every value of a repeated flag, in order (e.g. `--intern A --intern B`). */
  all: Readonly<Record<string, readonly string[]>>;
}>;

/** What a command may use: the service, the output streams, the language, `--json`. */
export type CommandIo = Readonly<{
  service: Service;
  lang: Lang;
  json: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Aborted on Ctrl+C. */
  signal: AbortSignal;
  /** True when stdout is a terminal (progress lines are drawn only then). */
  isTty: boolean;
}>;

/** A CLI command. `run` resolves to the process exit code. */
export type Command = Readonly<{
  /** e.g. `diagnose` or `visit` (subcommands are positionals). */
  name: string;
  /** One line for `xaso --help`. */
  summary: LocalText;
  /** Usage lines for `xaso help NAME`. */
  usage: readonly string[];
  /**
   * Flags this command accepts besides the global ones (--json, --lang, --help). A name ending
   * in `?` (e.g. `'confirm?'`) is a switch that takes no value.
   */
  flags: readonly string[];
  run: (args: ParsedArgs, io: CommandIo) => Promise<number>;
}>;

/** Thrown by a command for bad input: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError' as const;
  readonly text: LocalText;
  constructor(text: LocalText) {
    super(text.en);
    this.text = text;
  }
}
