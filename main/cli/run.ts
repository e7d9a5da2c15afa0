import type { Lang } from '../service/define.js';
import type { Service } from '../service/index.js';
import { extractLang, isProblem, parseArgs } from './args.js';
import { UsageError, type Command, type CommandIo } from './command.js';
import { messages } from './messages.js';
import { terminalJson, terminalText } from './terminal-text.js';

/** What the CLI needs from its process; tests pass their own. */
export type CliHost = Readonly<{
  service: Service;
  version: string;
  out: (text: string) => void;
  err: (text: string) => void;
  signal: AbortSignal;
  isTty: boolean;
  commands: readonly Command[];
  /** Language when `--lang` is absent (from XASO_LANG). */
  defaultLang?: Lang;
}>;

function helpText(host: CliHost, lang: Lang): string[] {
  const m = messages[lang];
  const width = Math.max(...host.commands.map((c) => c.name.length)) + 2;
  return [
    `${m.tagline} (${host.version})`,
    '',
    m.usage,
    '',
    m.commands,
    ...host.commands.map((c) => `  ${c.name.padEnd(width)}${c.summary[lang]}`),
    '',
    m.globalFlags,
    ...[m.flagJson, m.flagLang, m.flagHelp, m.flagVersion].map((line) => `  ${line}`),
  ];
}

function commandHelp(command: Command, lang: Lang): string[] {
  return [command.summary[lang], '', messages[lang].usageOf, ...command.usage.map((u) => `  ${u}`)];
}

/**
 * Runs the CLI on `argv` (without node and script). Resolves to the exit code: 0 ok, 1 the
 * request failed, 2 bad input (one line on stderr saying why).
 */
export async function runCli(argv: readonly string[], host: CliHost): Promise<number> {
  const extracted = extractLang(argv, host.defaultLang ?? 'vi');
  if ('bad' in extracted) {
    host.err(`xaso: ${messages.vi.badLang(extracted.bad)} / ${messages.en.badLang(extracted.bad)}`);
    return 2;
  }
  const { lang, rest: args } = extracted;
  const m = messages[lang];
  const [name, ...tail] = args;
  if (name === '--version' || name === '-v') {
    host.out(host.version);
    return 0;
  }
  if (
    name === undefined ||
    name === '--help' ||
    name === '-h' ||
    (name === 'help' && tail[0] === undefined)
  ) {
    for (const line of helpText(host, lang)) host.out(line);
    return 0;
  }
  const wanted = name === 'help' ? tail[0] : name;
  const command = host.commands.find((c) => c.name === wanted);
  if (command === undefined) {
    host.err(`xaso: ${m.unknownCommand(wanted ?? '')}`);
    return 2;
  }
  const parsed = parseArgs(name === 'help' ? [] : tail, command.flags);
  if (isProblem(parsed)) {
    host.err(
      `xaso: ${parsed.kind === 'unknown' ? m.unknownFlag(parsed.flag, command.name) : m.badFlag(parsed.message, command.name)}`,
    );
    return 2;
  }
  if (name === 'help' || parsed.flags['help'] === true) {
    for (const line of commandHelp(command, lang)) host.out(line);
    return 0;
  }
  const json = parsed.flags['json'] === true;
  const io: CommandIo = {
    service: host.service,
    lang,
    json,
    // Data from files reaches the terminal as text, never as control sequences.
    out: (text) => host.out(json ? terminalJson(text) : terminalText(text)),
    err: (text) => host.err(terminalText(text)),
    signal: host.signal,
    isTty: host.isTty,
  };
  try {
    return await command.run(parsed, io);
  } catch (error) {
    if (error instanceof UsageError) {
      host.err(`xaso: ${error.text[lang]}`);
      return 2;
    }
    if (host.signal.aborted) {
      host.err(`xaso: ${m.interrupted}`);
      return 130;
    }
    host.err(terminalText(`xaso: ${error instanceof Error ? error.message : String(error)}`));
    return 1;
  }
}
