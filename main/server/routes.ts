/**
 * The collection server's JSON API (`/api/v1/…`). Uploads are authenticated by their seal (an
 * enrolled key); everything else by a session cookie, with the session's CSRF token in
 * `x-xaso-csrf` on every write, and `can()` checked on the server for every read and write.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { z } from 'zod';

import { keyIdOf, parsePublicKey, publicKeyFileSchema } from '../service/inbox/keys.js';
import type { EnrolledKey } from '../service/inbox/records.js';
import { computeDesk } from '../service/inbox/desk.js';
import { entriesOf } from '../service/inbox/store-types.js';
import {
  audit,
  can,
  checkLogin,
  closeSession,
  createAccount,
  openSession,
  readAudit,
  ROLES,
  sessionOf,
  type Account,
  type Action,
} from './accounts.js';
import type { Db } from './db.js';
import { deskSummary } from './desk.js';
import { cookies, header, HttpError, readBody, readJson, sendValue } from './http-kit.js';
import { ensureProgramme, KeyElsewhereError, PgInboxStore } from './pg-store.js';
import type { RateLimiter } from './rate-limit.js';
import { acceptUpload, receiptOf, receiptText } from './upload.js';

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

type Request = Readonly<{
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  ctx: RouteContext;
  /** The client's address (for the login rate limit). */
  client: string;
}>;

const forbidden = (): HttpError =>
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

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

/** The signed-in account; with `write`, also checks the CSRF token. */
async function signedIn(r: Request, write: boolean): Promise<Account> {
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

async function allowed(r: Request, action: Action, programme?: string): Promise<Account> {
  const account = await signedIn(r, action !== 'read');
  if (!can(account, action, programme)) throw forbidden();
  return account;
}

const programmeIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);

async function store(r: Request, programme: string): Promise<PgInboxStore> {
  const [row] = await r.ctx.db.query('SELECT 1 FROM programmes WHERE id = $1', [programme]);
  if (row === undefined) {
    throw new HttpError(404, 'not-found', {
      vi: `Không có chương trình ${programme}.`,
      en: `No programme ${programme}.`,
    });
  }
  return new PgInboxStore(r.ctx.db, programme);
}

function sessionCookie(ctx: RouteContext, value: string, maxAgeSeconds: number): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    ...(ctx.secureCookies ? ['Secure'] : []),
  ].join('; ');
}

const loginSchema = z
  .object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) })
  .strict();

async function login(r: Request): Promise<void> {
  const body = parse(loginSchema, await readJson(r.req));
  const now = Date.now();
  const { user, client } = r.ctx.loginLimiter;
  const name = body.username.toLowerCase();
  const wait = Math.max(user.retryAfterMs(name, now), client.retryAfterMs(r.client, now));
  if (wait > 0) {
    throw new HttpError(
      429,
      'too-many',
      {
        vi: `Sai mật khẩu quá nhiều lần: hãy thử lại sau ${Math.ceil(wait / 60_000)} phút.`,
        en: `Too many failed sign-ins: try again in ${Math.ceil(wait / 60_000)} min.`,
      },
      { 'retry-after': String(Math.ceil(wait / 1000)) },
    );
  }
  const account = await checkLogin(r.ctx.db, body.username, body.password);
  if (account === undefined) {
    user.fail(name, now);
    client.fail(r.client, now);
    throw new HttpError(401, 'unauthorized', {
      vi: 'Sai tên đăng nhập hoặc mật khẩu.',
      en: 'Wrong user name or password.',
    });
  }
  user.reset(name);
  const session = await openSession(r.ctx.db, account.id, r.ctx.sessionHours);
  r.res.setHeader(
    'set-cookie',
    sessionCookie(r.ctx, session.token, (session.expiresAt.getTime() - now) / 1000),
  );
  sendValue(r.res, 200, { account, csrf: session.csrf, expiresAt: session.expiresAt });
}

async function logout(r: Request): Promise<void> {
  await signedIn(r, true);
  const token = cookies(r.req).get(SESSION_COOKIE);
  if (token !== undefined) await closeSession(r.ctx.db, token);
  r.res.setHeader('set-cookie', sessionCookie(r.ctx, '', 0));
  sendValue(r.res, 200, { signedOut: true });
}

async function upload(r: Request): Promise<void> {
  const bytes = await readBody(r.req, r.ctx.maxBodyBytes);
  const name = (header(r.req, 'x-xaso-file-name') ?? 'upload.json').slice(0, 200);
  const outcome = await acceptUpload(r.ctx.db, bytes, decodeURIComponent(name), r.ctx.now);
  if (!outcome.ok) throw new HttpError(outcome.http, outcome.code, outcome.reason);
  sendValue(r.res, outcome.created ? 201 : 200, {
    ...outcome.receipt,
    message: receiptText(outcome.receipt.status),
  });
}

const enrolSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** The intern's public key file (`keys:export-public`), or… */
    keyFile: z.string().max(10_000).optional(),
    /** …its fingerprint (key id), read out or scanned; the first file then brings the key. */
    keyId: z
      .string()
      .regex(/^[0-9a-f]{16}$/)
      .optional(),
  })
  .strict()
  .refine((b) => (b.keyFile === undefined) !== (b.keyId === undefined), {
    message: 'give exactly one of keyFile or keyId',
  });

async function enrol(r: Request, programme: string): Promise<void> {
  const account = await allowed(r, 'enrol-key', programme);
  const body = parse(enrolSchema, await readJson(r.req));
  let key: EnrolledKey;
  const enrolledAt = r.ctx.now().toISOString();
  if (body.keyFile !== undefined) {
    let file;
    try {
      file = publicKeyFileSchema.parse(JSON.parse(body.keyFile));
      if (keyIdOf(parsePublicKey(file.publicKeyPem)) !== file.keyId)
        throw new Error('key id does not match the key');
    } catch (error) {
      const detail = (error as Error).message.slice(0, 200);
      throw new HttpError(400, 'invalid-request', {
        vi: `Tệp khoá công khai không hợp lệ: ${detail}`,
        en: `Invalid public key file: ${detail}`,
      });
    }
    key = {
      keyId: file.keyId,
      name: body.name,
      publicKeyPem: file.publicKeyPem,
      source: 'key-file',
      enrolledAt,
    };
  } else key = { keyId: body.keyId!, name: body.name, source: 'fingerprint', enrolledAt };
  const inbox = await store(r, programme);
  try {
    await r.ctx.db.transaction(async () => {
      await inbox.putKey(key);
      await audit(r.ctx.db, {
        actor: account.username,
        action: 'key.enrol',
        programmeId: programme,
        target: key.keyId,
        detail: { name: key.name, source: key.source },
      });
    });
  } catch (error) {
    if (!(error instanceof KeyElsewhereError)) throw error;
    throw new HttpError(409, 'conflict', {
      vi: `Khoá ${key.keyId} đã được đăng ký cho chương trình khác.`,
      en: `Key ${key.keyId} is already enrolled in another programme.`,
    });
  }
  sendValue(r.res, 201, key);
}

async function unenrol(r: Request, programme: string, keyId: string): Promise<void> {
  const account = await allowed(r, 'enrol-key', programme);
  const inbox = await store(r, programme);
  const removed = await r.ctx.db.transaction(async () => {
    const done = await inbox.removeKey(keyId);
    if (done)
      await audit(r.ctx.db, {
        actor: account.username,
        action: 'key.remove',
        programmeId: programme,
        target: keyId,
      });
    return done;
  });
  sendValue(r.res, 200, { removed });
}

const decideSchema = z.object({ keep: z.enum(['existing', 'incoming']) }).strict();

async function resolveConflict(r: Request, programme: string, id: number): Promise<void> {
  const account = await allowed(r, 'resolve-conflict', programme);
  const body = parse(decideSchema, await readJson(r.req));
  const inbox = await store(r, programme);
  const decided = await r.ctx.db.transaction(async () => {
    const conflict = await inbox.getConflict(id);
    if (conflict === undefined || conflict.status !== 'open') return undefined;
    const at = r.ctx.now().toISOString();
    if (body.keep === 'incoming') {
      await inbox.putVisit({
        visitId: conflict.visitId,
        keyId: conflict.heldKeyId,
        digest: conflict.digest,
        fileHash: conflict.fileHash,
        fileName: conflict.fileName,
        exportedAt: conflict.exportedAt,
        exportedAtMs: conflict.exportedAtMs,
        importedAt: at,
        raw: conflict.raw,
        facts: conflict.facts,
        verdict: 'accepted',
      });
    }
    const status = body.keep === 'incoming' ? 'kept-incoming' : 'kept-existing';
    await inbox.decideConflict(id, status, at);
    await audit(r.ctx.db, {
      actor: account.username,
      action: 'conflict.resolve',
      programmeId: programme,
      target: conflict.visitId,
      detail: {
        conflict: id,
        decision: status,
        kept: conflict.keptKeyId,
        held: conflict.heldKeyId,
      },
    });
    return status;
  });
  if (decided === undefined) {
    throw new HttpError(404, 'not-found', {
      vi: `Không có xung đột đang chờ số ${id}.`,
      en: `No open conflict ${id}.`,
    });
  }
  sendValue(r.res, 200, { id, status: decided });
}

const accountSchema = z
  .object({
    username: z.string().regex(/^[a-z0-9._-]{2,64}$/),
    displayName: z.string().trim().min(1).max(200),
    role: z.enum(ROLES),
    password: z.string().min(12).max(200),
    programmes: z.array(programmeIdSchema).max(100).default([]),
  })
  .strict();

async function addAccount(r: Request): Promise<void> {
  const actor = await allowed(r, 'manage');
  const body = parse(accountSchema, await readJson(r.req));
  const exists = await r.ctx.db.query('SELECT 1 FROM accounts WHERE username = $1', [
    body.username,
  ]);
  if (exists.length > 0) {
    throw new HttpError(409, 'conflict', {
      vi: `Đã có tài khoản ${body.username}.`,
      en: `Account ${body.username} already exists.`,
    });
  }
  const account = await createAccount(r.ctx.db, body);
  await audit(r.ctx.db, {
    actor: actor.username,
    action: 'account.create',
    target: account.username,
    detail: { role: account.role, programmes: account.programmes },
  });
  sendValue(r.res, 201, account);
}

const programmeSchema = z
  .object({ id: programmeIdSchema, name: z.string().trim().min(1).max(300) })
  .strict();

async function addProgramme(r: Request): Promise<void> {
  const actor = await allowed(r, 'manage');
  const body = parse(programmeSchema, await readJson(r.req));
  await ensureProgramme(r.ctx.db, body.id, body.name);
  await audit(r.ctx.db, {
    actor: actor.username,
    action: 'programme.create',
    programmeId: body.id,
    target: body.id,
    detail: { name: body.name },
  });
  sendValue(r.res, 201, body);
}

const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional();

/** Routes a request under `/api/v1/`; false when no route matches. */
export async function route(r: Request): Promise<boolean> {
  const { req, res, url } = r;
  const path = url.pathname.slice('/api/v1'.length);
  const method = req.method ?? 'GET';
  const is = (m: string, re: RegExp): RegExpExecArray | null =>
    method === m ? re.exec(path) : null;
  let m: RegExpExecArray | null;
  if (is('POST', /^\/reports$/)) await upload(r);
  else if ((m = is('GET', /^\/receipts\/([0-9a-f]{64})$/))) {
    const receipt = await receiptOf(r.ctx.db, m[1]!);
    if (receipt === undefined)
      throw new HttpError(404, 'not-found', {
        vi: 'Máy chủ chưa nhận tệp này.',
        en: 'The server has not received this file.',
      });
    sendValue(res, 200, { ...receipt, message: receiptText(receipt.status) });
  } else if (is('POST', /^\/session$/)) await login(r);
  else if (is('DELETE', /^\/session$/)) await logout(r);
  else if (is('GET', /^\/me$/)) {
    const token = cookies(req).get(SESSION_COOKIE);
    const session = token === undefined ? undefined : await sessionOf(r.ctx.db, token);
    if (session === undefined) await signedIn(r, false);
    sendValue(res, 200, session);
  } else if (is('GET', /^\/programmes$/)) {
    const account = await signedIn(r, false);
    const rows = await r.ctx.db.query<{ id: string; name: string }>(
      'SELECT id, name FROM programmes WHERE id = ANY($1) ORDER BY id',
      [account.programmes],
    );
    sendValue(res, 200, rows);
  } else if (is('POST', /^\/programmes$/)) await addProgramme(r);
  else if (is('POST', /^\/accounts$/)) await addAccount(r);
  else if (is('GET', /^\/audit$/)) {
    const account = await signedIn(r, false);
    if (account.role === 'viewer') throw forbidden();
    sendValue(res, 200, await readAudit(r.ctx.db, account, 500));
  } else if ((m = /^\/programmes\/([a-z0-9-]+)\/(.+)$/.exec(path)) !== null) {
    return programmeRoute(r, method, m[1]!, m[2]!);
  } else return false;
  return true;
}

async function programmeRoute(
  r: Request,
  method: string,
  programme: string,
  rest: string,
): Promise<boolean> {
  const { res, url } = r;
  let m: RegExpExecArray | null;
  if (method === 'GET') {
    await allowed(r, 'read', programme);
    const inbox = await store(r, programme);
    if (rest === 'visits') {
      const rows = await inbox.deskRows();
      sendValue(res, 200, entriesOf(rows.visits, rows.keys));
    } else if ((m = /^visits\/([^/]{1,64})\/file$/.exec(rest)) !== null) {
      const visit = await inbox.getVisit(decodeURIComponent(m[1]!));
      if (visit === undefined)
        throw new HttpError(404, 'not-found', { vi: 'Không có chuyến này.', en: 'No such visit.' });
      // The file exactly as the intern's app sent it.
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${visit.visitId}.json"`,
        'cache-control': 'no-store',
      });
      res.end(Buffer.from(visit.raw));
    } else if (rest === 'desk' || rest === 'summary') {
      const from = parse(dateSchema, url.searchParams.get('from') ?? undefined);
      const to = parse(dateSchema, url.searchParams.get('to') ?? undefined);
      const filter = {
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
      };
      // The whole desk (the same figures as the embedded database's), or a short summary.
      sendValue(
        res,
        200,
        rest === 'desk'
          ? computeDesk(await inbox.deskRows(), filter, r.ctx.now())
          : await deskSummary(inbox, filter),
      );
    } else if (rest === 'keys') sendValue(res, 200, await inbox.listKeys());
    else if (rest === 'conflicts') sendValue(res, 200, await inbox.listConflicts());
    else if (rest === 'log') sendValue(res, 200, await inbox.listLog(500));
    else return false;
    return true;
  }
  if (method === 'POST' && rest === 'keys') await enrol(r, programme);
  else if (method === 'DELETE' && (m = /^keys\/([0-9a-f]{16})$/.exec(rest)) !== null)
    await unenrol(r, programme, m[1]!);
  else if (method === 'POST' && (m = /^conflicts\/(\d{1,12})$/.exec(rest)) !== null)
    await resolveConflict(r, programme, Number(m[1]));
  else return false;
  return true;
}
