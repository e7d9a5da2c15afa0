/**
 * The collection server's JSON API (`/api/v1/…`). Uploads are authenticated by their seal (an
 * enrolled key); everything else by a session cookie, with the session's CSRF token in
 * `x-xaso-csrf` on every write, and `can()` checked on the server for every read and write.
 */
import { z } from 'zod';

import { computeDesk } from '../service/inbox/desk.js';
import { entriesOf } from '../service/inbox/store-types.js';
import { checkLogin, closeSession, openSession, readAudit, sessionOf } from './accounts.js';
import { deskSummary } from './desk.js';
import { cookies, header, HttpError, readBody, readJson, sendValue } from './http-kit.js';
import { acceptUpload, receiptOf, receiptText } from './upload.js';
import {
  allowed,
  forbidden,
  parse,
  sessionCookie,
  signedIn,
  store,
  SESSION_COOKIE,
  type Request,
} from './routes-kit.js';
import { addAccount, addProgramme, enrol, resolveConflict, unenrol } from './routes-writes.js';

export { CSRF_HEADER, SESSION_COOKIE, type RouteContext } from './routes-kit.js';

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
