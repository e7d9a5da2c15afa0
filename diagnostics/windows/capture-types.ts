/**
 * The shapes of a field capture file (no Node imports: the renderer reads them as types).
 * Written by `takeCapture` (capture.ts).
 */
import type { LocalText } from '../types.js';
import type { RedactionCount } from './pseudonyms.js';

/** The `format` field of every capture file. */
export const CAPTURE_FORMAT = 'xaso-capture';
/** Bumped when a field changes meaning. */
export const CAPTURE_FORMAT_VERSION = 1;

/** One script as it ran. */
export type CapturedScript = Readonly<{
  id: string;
  title: LocalText;
  /** SHA-256 (hex) of the exact program text PowerShell received: ties the output to a script version. */
  commandSha256: string;
  stdout: string;
  stderr: string;
  /** `null` when PowerShell was killed (time limit) or could not start. */
  exitCode: number | null;
  durationMs: number;
  /** Killed at its time limit; stdout is what arrived before. */
  timedOut?: true;
  /** Stdout reached the runner's cap and was cut. */
  truncated?: true;
  /** Why it gave no exit code, when not a timeout. */
  error?: string;
}>;

/** What the `host-info` script says of the PowerShell and Windows the capture met. */
export type HostSummary = Readonly<{
  psVersion?: string;
  psEdition?: string;
  languageMode?: string;
  culture?: string;
  uiCulture?: string;
  oemCodePage?: number;
  ansiCodePage?: number;
  osCaption?: string;
  osVersion?: string;
  osBuild?: string;
  ubr?: number;
  displayVersion?: string;
  edition?: string;
  architecture?: string;
}>;

/** A whole capture file. */
export type Capture = Readonly<{
  format: typeof CAPTURE_FORMAT;
  formatVersion: typeof CAPTURE_FORMAT_VERSION;
  appVersion: string;
  /** ISO 8601. */
  takenAt: string;
  durationMs: number;
  /** From `host-info`; null when that script gave no JSON. */
  host: HostSummary | null;
  scripts: readonly CapturedScript[];
  /** What redaction removed, by kind and count (never the values). */
  redactions: readonly RedactionCount[];
}>;

/** One step of a capture. */
export type CaptureProgress = Readonly<{
  event: 'script-started' | 'script-finished';
  id: string;
  title: LocalText;
  /** 1-based position, and how many scripts in all. */
  index: number;
  total: number;
  /** On `script-finished`. */
  durationMs?: number;
  exitCode?: number | null;
  timedOut?: boolean;
}>;
