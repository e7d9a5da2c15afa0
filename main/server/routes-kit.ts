/**
 * What every route of the collection server's API shares: the request and its context, the
 * session check (with the CSRF token on writes), the rights check, and the refusals.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { z } from 'zod';

import { can, sessionOf, type Account, type Action } from './accounts.js';
import type { Db } from './db.js';
import { cookies, header, HttpError } from './http-kit.js';
import { PgInboxStore } from './pg-store.js';
import type { RateLimiter } from './rate-limit.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'xaso_session';
/** Header carrying the session's CSRF token on writes. */
export const CSRF_HEADER = 'x-xaso-csrf';

/** What every route needs. */
export type RouteContext = Readonly<{
  db: Db;
  now: () => Date;
  maxBodyBytes: number;
  sessionHours: number;
  /** Cookies get `Secure` (TLS here or at the reverse proxy). */
  secureCookies: boolean;
  /** Failed logins per user name (5 in 15 min) and per client address (30 in 15 min). */
  loginLimiter: Readonly<{ user: RateLimiter; client: RateLimiter }>;
}>;

export type Request = Readonly<{
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  ctx: RouteContext;
  /** The client's address (for the login rate limit). */
  client: string;
}>;

export const forbidden = (): HttpError =>
  new HttpError(403, 'forbidden', {
    vi: 'Tài khoản này không có quyền làm việc này.',
    en: 'This account may not do this.',
  });

const invalid = (error: z.ZodError): HttpError => {
  const issue = error.issues[0];
  const where = issue?.path.join('.') || '(body)';
  return new HttpError(400, 'invalid-request', {
    vi: `Yêu cầu không hợp lệ (${where}: ${issue?.message ?? ''}).`,
    en: `Invalid request (${where}: ${issue?.message ?? ''}).`,
  });
};

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

/** The signed-in account; with `write`, also checks the CSRF token. */
export async function signedIn(r: Request, write: boolean): Promise<Account> {
  const token = cookies(r.req).get(SESSION_COOKIE);
  const session = token === undefined ? undefined : await sessionOf(r.ctx.db, token);
  if (session === undefined) {
    throw new HttpError(401, 'unauthorized', {
      vi: 'Chưa đăng nhập hoặc phiên đã hết hạn: hãy đăng nhập lại.',
      en: 'Not signed in, or the session expired: sign in again.',
    });
  }
  if (write && header(r.req, CSRF_HEADER) !== session.csrf) {
    throw new HttpError(403, 'forbidden', {
      vi: 'Thiếu mã chống giả mạo yêu cầu (CSRF): hãy tải lại trang.',
      en: 'Missing anti-forgery (CSRF) token: reload the page.',
    });
  }
  return session.account;
}

export async function allowed(r: Request, action: Action, programme?: string): Promise<Account> {
  const account = await signedIn(r, action !== 'read');
  if (!can(account, action, programme)) throw forbidden();
  return account;
}

export const programmeIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);

export async function store(r: Request, programme: string): Promise<PgInboxStore> {
  const [row] = await r.ctx.db.query('SELECT 1 FROM programmes WHERE id = $1', [programme]);
  if (row === undefined) {
    throw new HttpError(404, 'not-found', {
      vi: `Không có chương trình ${programme}.`,
      en: `No programme ${programme}.`,
    });
  }
  return new PgInboxStore(r.ctx.db, programme);
}

export function sessionCookie(ctx: RouteContext, value: string, maxAgeSeconds: number): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    ...(ctx.secureCookies ? ['Secure'] : []),
  ].join('; ');
}
