/**
 * Small HTTP helpers of the collection server: JSON answers in the app's result shape
 * (`{ ok, value }` / `{ ok: false, error: { code, message: { vi, en } } }`), bounded bodies,
 * cookies.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { ErrorCode, LocalText } from '../service/define.js';

/** An HTTP refusal with its status, code and sentence. */
export class HttpError extends Error {
  override name = 'HttpError' as const;
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'unauthorized' | 'forbidden' | 'too-many' | string,
    readonly text: LocalText,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(text.en);
  }
}

/** Sends a JSON body. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string | string[]>> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Sends a success in the app's result shape. */
export function sendValue(res: ServerResponse, status: number, value: unknown): void {
  sendJson(res, status, { ok: true, value });
}

/** Sends a refusal in the app's result shape. */
export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(
    res,
    error.status,
    { ok: false, error: { code: error.code, message: error.text } },
    error.headers,
  );
}

/** Reads a body up to `max` bytes; a larger one is refused with 413 before it is all read. */
export async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > max) throw tooLarge(max);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw tooLarge(max);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function tooLarge(max: number): HttpError {
  return new HttpError(413, 'invalid-request', {
    vi: `Dữ liệu gửi lên quá lớn (tối đa ${Math.round(max / 1024 / 1024)} MB).`,
    en: `Request body too large (at most ${Math.round(max / 1024 / 1024)} MB).`,
  });
}

/** Parses a JSON body (at most 1 MB for the API's small requests). */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req, 1024 * 1024);
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid-request', {
      vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
      en: 'The request body is not valid JSON.',
    });
  }
}

/** The cookies of a request. */
export function cookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) out.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return out;
}

/** A request header's single value. */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
