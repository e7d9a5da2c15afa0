/**
 * Reads tokens and their certificates through OpenSC's `pkcs11-tool` (no native addon). Only
 * public objects are read: no `--login`, no PIN, ever (a few wrong PINs lock a token for good).
 */
import { join } from 'node:path';

import type { ProbeContext } from '../types.js';

/** A token seen in a slot. */
export type SlotToken = Readonly<{
  slot: string;
  label: string;
  manufacturer?: string;
  model?: string;
  serial?: string;
}>;
/** A certificate object on a token (ID in hex). */
export type CertObject = Readonly<{ id: string; label?: string }>;

const TOOL = 'pkcs11-tool';

/** Parses `pkcs11-tool -L` (OpenSC prints English only; run with LC_ALL=C). */
export function parseSlots(text: string): SlotToken[] {
  const tokens: SlotToken[] = [];
  for (const block of text.split(/^Slot /m).slice(1)) {
    const slot = /^(\d+)/.exec(block)?.[1];
    const field = (name: string): string | undefined =>
      new RegExp(`^\\s*${name}\\s*:\\s*(.*)$`, 'm').exec(block)?.[1]?.trim();
    const label = field('token label');
    if (slot === undefined || label === undefined || /token state:\s*uninitialized/i.test(block))
      continue;
    const info: Record<string, string> = { slot, label };
    for (const [key, name] of [
      ['manufacturer', 'token manufacturer'],
      ['model', 'token model'],
      ['serial', 'serial num'],
    ] as const) {
      const value = field(name);
      if (value !== undefined && value !== '') info[key] = value;
    }
    tokens.push(info as SlotToken);
  }
  return tokens;
}

/** Parses `pkcs11-tool -O --type cert`: each certificate's ID and label. */
export function parseCertObjects(text: string): CertObject[] {
  const objects: CertObject[] = [];
  for (const block of text.split(/^Certificate Object/m).slice(1)) {
    const id = /^\s*ID:\s*([0-9a-fA-F]+)\s*$/m.exec(block)?.[1];
    const label = /^\s*label:\s*(.*)$/m.exec(block)?.[1]?.trim();
    if (id !== undefined) objects.push(label === undefined ? { id } : { id, label });
  }
  return objects;
}

type RunOptions = Readonly<{ signal: AbortSignal; env: Readonly<Record<string, string>> }>;

async function tool(ctx: ProbeContext, args: string[], options: RunOptions): Promise<string> {
  const output = await ctx.run(TOOL, args, {
    timeoutMs: 8_000,
    signal: options.signal,
    env: options.env,
    maxBytes: 1024 * 1024,
  });
  if (output.exitCode !== 0)
    throw new Error(
      `${TOOL} exited with ${String(output.exitCode)}: ${output.stderr.trim().slice(0, 200)}`,
    );
  return output.stdout;
}

/** Lists the tokens a module sees. */
export async function listTokens(
  ctx: ProbeContext,
  module: string,
  options: RunOptions,
): Promise<SlotToken[]> {
  const output = await ctx.run(TOOL, ['--module', module, '--list-token-slots'], {
    timeoutMs: 8_000,
    signal: options.signal,
    env: options.env,
    maxBytes: 1024 * 1024,
  });
  // "No slots." (exit 1) is a finding — no reader, no token — not a failure to check.
  if (output.exitCode !== 0 && /no slots/i.test(`${output.stdout}\n${output.stderr}`)) return [];
  if (output.exitCode !== 0)
    throw new Error(
      `${TOOL} exited with ${String(output.exitCode)}: ${output.stderr.trim().slice(0, 200)}`,
    );
  return parseSlots(output.stdout);
}

/** Reads every certificate (DER) of the token in `slot`; public objects only, no login. */
export async function readCertificates(
  ctx: ProbeContext,
  module: string,
  token: SlotToken,
  options: RunOptions,
): Promise<{ object: CertObject; der: Buffer }[]> {
  const listing = await tool(
    ctx,
    ['--module', module, '--slot-index', token.slot, '--list-objects', '--type', 'cert'],
    options,
  );
  const dir = await ctx.fs.mkdtemp(join(ctx.os.tmpdir(), 'xaso-p11-'));
  try {
    const certs: { object: CertObject; der: Buffer }[] = [];
    for (const object of parseCertObjects(listing)) {
      const file = join(dir, `${object.id}.der`);
      await tool(
        ctx,
        [
          '--module',
          module,
          '--slot-index',
          token.slot,
          '--read-object',
          '--type',
          'cert',
          '--id',
          object.id,
          '--output-file',
          file,
        ],
        options,
      );
      certs.push({ object, der: await ctx.fs.readBytes(file) });
    }
    return certs;
  } finally {
    await ctx.fs.rm(dir);
  }
}
