/**
 * Sends one IPP request over HTTP (`ipp://host:port/path` → `http://…`, RFC 8010 §4), or to a
 * local Unix socket (CUPS' `/run/cups/cups.sock`), with a hard timeout. IPPS is not used.
 */
import { request } from 'node:http';

import { decodeResponse, type IppResponse } from './codec.js';

/** Where to send: an `ipp://`/`http://` URI, optionally through a Unix socket. */
export type IppTarget = Readonly<{ uri: string; socketPath?: string }>;

/** Posts `body` and decodes the answer. Rejects on network errors, HTTP errors and timeouts. */
export function ippRequest(
  target: IppTarget,
  body: Buffer,
  options: Readonly<{ timeoutMs?: number; signal?: AbortSignal }> = {},
): Promise<IppResponse> {
  const url = new URL(target.uri.replace(/^ipp:/, 'http:'));
  const port = url.port === '' ? 631 : Number(url.port);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        ...(target.socketPath === undefined
          ? { host: url.hostname.replace(/^\[|\]$/g, ''), port }
          : { socketPath: target.socketPath }),
        method: 'POST',
        path: url.pathname === '' ? '/' : url.pathname,
        headers: {
          'content-type': 'application/ipp',
          'content-length': body.length,
          host: `${url.hostname}:${port}`,
        },
        timeout: options.timeoutMs ?? 5000,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          if (res.statusCode !== 200) {
            reject(new Error(`HTTP ${String(res.statusCode)} from ${target.uri}`));
            return;
          }
          try {
            resolve(decodeResponse(Buffer.concat(chunks)));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(
        new Error(`no IPP answer from ${target.uri} within ${options.timeoutMs ?? 5000} ms`),
      ),
    );
    req.on('error', reject);
    req.end(body);
  });
}
