/**
 * Configuration of `xaso serve`: a JSON file (`--config FILE`) and the environment, the
 * environment winning (`DATABASE_URL`, `XASO_LISTEN`, `XASO_TLS_CERT`/`XASO_TLS_KEY`,
 * `XASO_BEHIND_PROXY`, `XASO_ADMIN_USER`/`XASO_ADMIN_PASSWORD`). Validated once at start; a bad
 * value stops the server with one sentence saying which.
 *
 * Passwords never travel in clear over a network: without TLS and without a reverse proxy in
 * front, the server listens on loopback only.
 */
import { z } from 'zod';

import type { LocalText } from '../service/define.js';

const listenSchema = z
  .string()
  .regex(/^(\[[0-9a-f:]+\]|[0-9.]+|localhost):\d{1,5}$/i, 'HOST:PORT, e.g. 127.0.0.1:8080');

export const serverConfigSchema = z
  .object({
    databaseUrl: z.string().min(1).max(2000),
    listen: listenSchema.default('127.0.0.1:8080'),
    tls: z
      .object({ certFile: z.string().min(1), keyFile: z.string().min(1) })
      .strict()
      .optional(),
    /** A reverse proxy terminates TLS in front (then cookies are `Secure`, any address allowed). */
    behindProxy: z.boolean().default(false),
    /** Largest upload, in bytes (a visit with photos stays far below 20 MB). */
    maxBodyBytes: z
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024)
      .default(20 * 1024 * 1024),
    /** Requests served at once; more wait for a 503 with Retry-After. */
    maxConcurrent: z.number().int().min(1).max(1000).default(64),
    /** Longest request, body included, in ms. */
    requestTimeoutMs: z.number().int().min(1000).max(600_000).default(60_000),
    /** Database connections. */
    maxConnections: z.number().int().min(1).max(200).default(10),
    sessionHours: z
      .number()
      .min(0.1)
      .max(24 * 30)
      .default(12),
    /** The built renderer (`out/renderer`); default: found beside the program. */
    staticDir: z.string().min(1).optional(),
    /** The first admin, created when the server has no account yet. */
    bootstrapAdmin: z
      .object({ username: z.string().min(2).max(64), password: z.string().min(12).max(200) })
      .strict()
      .optional(),
  })
  .strict();

export type ServerConfig = z.output<typeof serverConfigSchema>;

/** The listen address split. */
export function listenAddress(config: ServerConfig): { host: string; port: number } {
  const at = config.listen.lastIndexOf(':');
  return {
    host: config.listen.slice(0, at).replace(/^\[|\]$/g, ''),
    port: Number(config.listen.slice(at + 1)),
  };
}

const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127\./.test(host);

/** Reads the configuration; `file` is the config file's text (JSON) when given. */
export function loadServerConfig(
  file: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; config: ServerConfig } | { ok: false; message: LocalText } {
  let fromFile: Record<string, unknown> = {};
  if (file !== undefined) {
    try {
      fromFile = JSON.parse(file) as Record<string, unknown>;
    } catch (error) {
      const detail = (error as Error).message;
      return {
        ok: false,
        message: {
          vi: `Tệp cấu hình không phải JSON: ${detail}`,
          en: `config file is not JSON: ${detail}`,
        },
      };
    }
  }
  const fromEnv: Record<string, unknown> = {};
  if (env['DATABASE_URL']) fromEnv['databaseUrl'] = env['DATABASE_URL'];
  if (env['XASO_LISTEN']) fromEnv['listen'] = env['XASO_LISTEN'];
  if (env['XASO_TLS_CERT'] || env['XASO_TLS_KEY'])
    fromEnv['tls'] = { certFile: env['XASO_TLS_CERT'] ?? '', keyFile: env['XASO_TLS_KEY'] ?? '' };
  if (env['XASO_BEHIND_PROXY'] !== undefined)
    fromEnv['behindProxy'] = ['1', 'true', 'yes'].includes(env['XASO_BEHIND_PROXY'].toLowerCase());
  if (env['XASO_ADMIN_PASSWORD'])
    fromEnv['bootstrapAdmin'] = {
      username: env['XASO_ADMIN_USER'] ?? 'admin',
      password: env['XASO_ADMIN_PASSWORD'],
    };
  const parsed = serverConfigSchema.safeParse({ ...fromFile, ...fromEnv });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(config)';
    if (where === 'databaseUrl' && issue?.code === 'invalid_type')
      return {
        ok: false,
        message: {
          vi: 'Thiếu địa chỉ cơ sở dữ liệu PostgreSQL: đặt biến DATABASE_URL (hoặc databaseUrl trong tệp cấu hình).',
          en: 'No PostgreSQL database address: set DATABASE_URL (or databaseUrl in the config file).',
        },
      };
    const detail = `${where}: ${issue?.message ?? 'invalid'}`;
    return {
      ok: false,
      message: { vi: `Cấu hình sai ở ${detail}`, en: `Invalid configuration, ${detail}` },
    };
  }
  const config = parsed.data;
  const { host, port } = listenAddress(config);
  if (port > 65535)
    return {
      ok: false,
      message: {
        vi: `listen: cổng ${port} lớn hơn 65535`,
        en: `listen: port ${port} is above 65535`,
      },
    };
  if (config.tls === undefined && !config.behindProxy && !isLoopback(host)) {
    return {
      ok: false,
      message: {
        vi: `listen ${config.listen}: không có TLS (XASO_TLS_CERT/XASO_TLS_KEY) hay reverse proxy (XASO_BEHIND_PROXY=1) thì máy chủ chỉ nghe trên loopback (mật khẩu sẽ đi dạng rõ)`,
        en: `listen ${config.listen}: without TLS (XASO_TLS_CERT/XASO_TLS_KEY) or a reverse proxy (XASO_BEHIND_PROXY=1) the server listens on loopback only (passwords would travel in clear)`,
      },
    };
  }
  return { ok: true, config };
}
