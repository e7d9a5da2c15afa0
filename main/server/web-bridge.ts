/**
 * The desk in the browser: the built renderer talks to the server through the same web bridge
 * as the loopback web door (`POST /api/invoke/<channel>`, NDJSON lines, main/web/server.ts), on
 * live PostgreSQL data. The renderer sends its launch token in `x-xaso-token`; here that token
 * is `<CSRF token>.<programme>`, handed out by the sign-in page (`/login`), and the request must
 * also carry the session cookie. The server answers the desk's read channels for that one
 * programme, after `can(account, 'read', programme)`; channels that would touch files on the
 * server (import from a folder, export to a path) or this PC's own key are refused.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Handlers, IpcResult } from '../service/define.js';
import { cachedDesk, deskWithRefs } from '../service/inbox/desk.js';
import { drillAnswer } from '../service/inbox/handlers.js';
import { inboxContract } from '../service/inbox/contract.js';
import { entriesOf, listOf, listPage } from '../service/inbox/store-types.js';
import { openStored } from '../service/inbox/stored.js';
import { createServiceFrom } from '../service/index.js';
import { can, sessionOf } from './accounts.js';
import type { Db } from './db.js';
import { cookies, header, HttpError, readBody } from './http-kit.js';
import { PgInboxStore } from './pg-store.js';
import { SESSION_COOKIE } from './routes-kit.js';

const READ_CHANNELS = [
  'inbox:desk',
  'inbox:drill',
  'inbox:list',
  'inbox:visit',
  'inbox:conflicts',
  'inbox:log',
] as const;
type ReadChannel = (typeof READ_CHANNELS)[number];

const readContract: Pick<typeof inboxContract, ReadChannel> = {
  'inbox:desk': inboxContract['inbox:desk'],
  'inbox:drill': inboxContract['inbox:drill'],
  'inbox:list': inboxContract['inbox:list'],
  'inbox:visit': inboxContract['inbox:visit'],
  'inbox:conflicts': inboxContract['inbox:conflicts'],
  'inbox:log': inboxContract['inbox:log'],
};

function readHandlers(store: PgInboxStore, now: () => Date): Handlers<typeof readContract> {
  return {
    'inbox:desk': async ({ staleDays, ids, ...filter }) => {
      const desk = cachedDesk(await store.deskRows(), filter, now(), staleDays);
      return ids ? desk : deskWithRefs(desk);
    },
    'inbox:drill': async ({ staleDays, ref, ...filter }) =>
      drillAnswer(cachedDesk(await store.deskRows(), filter, now(), staleDays), ref),
    'inbox:list': async (page) => {
      const rows = await store.deskRows();
      return { offset: page.offset, ...listPage(listOf(rows.visits, rows.keys), page) };
    },
    'inbox:visit': async ({ visitId }) => {
      const { record, checked } = await openStored(store, visitId, now());
      const [entry] = entriesOf([record], await store.listKeys());
      return { visit: checked.visit, entry: entry! };
    },
    'inbox:conflicts': async () => {
      const names = new Map((await store.listKeys()).map((k) => [k.keyId, k.name]));
      return (await store.listConflicts()).map((c) => ({
        ...c,
        ...(names.has(c.keptKeyId) ? { keptSigner: names.get(c.keptKeyId) } : {}),
        ...(names.has(c.heldKeyId) ? { heldSigner: names.get(c.heldKeyId) } : {}),
      }));
    },
    'inbox:log': async ({ limit }) => store.listLog(limit),
  };
}

/** The programme and account of a bridge request, or the refusal. */
async function authorise(db: Db, req: IncomingMessage): Promise<string> {
  const token = cookies(req).get(SESSION_COOKIE);
  const session = token === undefined ? undefined : await sessionOf(db, token);
  const [csrf, programme] = (header(req, 'x-xaso-token') ?? '').split('.');
  if (session === undefined || csrf !== session.csrf || programme === undefined) {
    throw new HttpError(401, 'unauthorized', {
      vi: 'Chưa đăng nhập hoặc phiên đã hết hạn: hãy đăng nhập lại tại /login.',
      en: 'Not signed in, or the session expired: sign in again at /login.',
    });
  }
  if (!can(session.account, 'read', programme)) {
    throw new HttpError(403, 'forbidden', {
      vi: 'Tài khoản này không xem được chương trình này.',
      en: 'This account may not see this programme.',
    });
  }
  return programme;
}

/** Answers `POST /api/invoke/<channel>` for the browser desk. */
export async function invokeFromBrowser(
  db: Db,
  now: () => Date,
  req: IncomingMessage,
  res: ServerResponse,
  channel: string,
): Promise<void> {
  const programme = await authorise(db, req);
  const body = await readBody(req, 1024 * 1024);
  let payload: unknown = {};
  try {
    if (body.length > 0) payload = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid-request', {
      vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
      en: 'The request body is not valid JSON.',
    });
  }
  let result: IpcResult<unknown>;
  if ((READ_CHANNELS as readonly string[]).includes(channel)) {
    const store = new PgInboxStore(db, programme);
    const service = createServiceFrom(readContract, readHandlers(store, now));
    result = await service.invokeUnknown(channel, payload);
  } else {
    result = {
      ok: false,
      error: {
        code: 'unavailable',
        message: {
          vi: 'Trên máy chủ thu nhận, bàn làm việc chỉ để xem; báo cáo tự đến từ ứng dụng của sinh viên, còn đăng ký khoá và quyết định xung đột làm qua API của máy chủ.',
          en: "On the collection server the desk is for reading; reports arrive from the interns' apps, and key enrolment and conflict decisions go through the server's API.",
        },
      },
    };
  }
  res.writeHead(200, {
    'content-type': 'application/x-ndjson; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(`${JSON.stringify({ type: 'result', result })}\n`);
}
