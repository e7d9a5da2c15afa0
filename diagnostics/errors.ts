/** Base class of every error the diagnostics library throws. */
export class DiagnosticsError extends Error {
  override name: string = 'DiagnosticsError';
}

/** A command ran past its time limit and was killed. */
export class CommandTimeoutError extends DiagnosticsError {
  override name = 'CommandTimeoutError' as const;
}

/** A command was cancelled through its AbortSignal. */
export class CommandAbortedError extends DiagnosticsError {
  override name = 'CommandAbortedError' as const;
}

/** A command could not be started (not installed, not executable). */
export class CommandNotFoundError extends DiagnosticsError {
  override name = 'CommandNotFoundError' as const;
}

/** Output a parser could not understand. */
export class ParseError extends DiagnosticsError {
  override name = 'ParseError' as const;
}
