import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';

import { CommandAbortedError, CommandNotFoundError, CommandTimeoutError } from './errors.js';
import type { CommandOutput, RunCommand } from './types.js';

/** UTF-8 when the bytes are valid UTF-8, else `fallback` (when given and known to ICU). */
export function decodeStderr(bytes: Buffer, fallback?: string): string {
  if (fallback === undefined) return bytes.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder(fallback).decode(bytes);
    } catch {
      return bytes.toString('utf8');
    }
  }
}

/** Default limit of one command, in milliseconds. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 10_000;
/** Default cap of captured stdout/stderr, in bytes (more is dropped and `truncated` set). */
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Runs `file` with `args` (no shell), with `LC_ALL=C`, a hard timeout that kills the process
 * and, on POSIX, its whole process group, an AbortSignal, and capped output. Rejects with `CommandTimeoutError`,
 * `CommandAbortedError` or `CommandNotFoundError`; a non-zero exit is returned, not thrown.
 */
export const runCommand: RunCommand = (file, args, options = {}) => {
  const {
    timeoutMs = DEFAULT_COMMAND_TIMEOUT_MS,
    signal,
    maxBytes = DEFAULT_MAX_BYTES,
    input,
    env,
    onStdout,
    stderrFallbackEncoding,
  } = options;
  return new Promise<CommandOutput>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new CommandAbortedError(`${file}: aborted before start`));
      return;
    }
    // POSIX: the child leads its own process group, so a timeout or cancel kills what it started
    // too (a launcher such as the `pwsh` tool shim runs the real program as its child).
    const group = process.platform !== 'win32';
    const child = spawn(file, [...args], {
      env: { ...process.env, LC_ALL: 'C', LANG: 'C', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
      detached: group,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let truncated = false;
    let settled = false;
    const live = onStdout === undefined ? undefined : new StringDecoder('utf8');
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      action();
    };
    const kill = (): void => {
      try {
        if (group && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      kill();
      finish(() => reject(new CommandTimeoutError(`${file}: no answer within ${timeoutMs} ms`)));
    }, timeoutMs);
    const onAbort = (): void => {
      kill();
      finish(() => reject(new CommandAbortedError(`${file}: aborted`)));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      if (outBytes + chunk.length > maxBytes) {
        truncated = true;
        out.push(chunk.subarray(0, Math.max(0, maxBytes - outBytes)));
        outBytes = maxBytes;
        kill();
        return;
      }
      outBytes += chunk.length;
      out.push(chunk);
      if (live !== undefined) onStdout?.(live.write(chunk));
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (errBytes < maxBytes) {
        err.push(chunk.subarray(0, maxBytes - errBytes));
        errBytes += chunk.length;
      }
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish(() =>
        reject(
          error.code === 'ENOENT' || error.code === 'EACCES'
            ? new CommandNotFoundError(`${file}: not found or not executable`, { cause: error })
            : error,
        ),
      );
    });
    child.on('close', (code) => {
      finish(() =>
        resolve({
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: decodeStderr(Buffer.concat(err), stderrFallbackEncoding),
          exitCode: code,
          truncated,
        }),
      );
    });
    child.stdin.on('error', () => {
      // The program may exit before reading its input; that is not our failure.
    });
    child.stdin.end(input);
  });
};
