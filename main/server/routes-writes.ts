/**
 * The API's writes besides uploads and sign-in: enrolling and removing keys, deciding conflicts
 * (supervisor of the programme or admin), creating accounts and programmes (admin). Each is
 * checked with `can()`, needs the CSRF token, and is written to the audit log in the same
 * transaction.
 */
import { z } from 'zod';

import { keyIdOf, parsePublicKey, publicKeyFileSchema } from '../service/inbox/keys.js';
import type { EnrolledKey } from '../service/inbox/records.js';
import { keptVisitOf } from '../service/inbox/store-types.js';
import { audit, createAccount, ROLES } from './accounts.js';
import { HttpError, readJson, sendValue } from './http-kit.js';
import { ensureProgramme, KeyElsewhereError } from './pg-store.js';
import { allowed, parse, programmeIdSchema, store, type Request } from './routes-kit.js';

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

export async function enrol(r: Request, programme: string): Promise<void> {
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

export async function unenrol(r: Request, programme: string, keyId: string): Promise<void> {
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

export async function resolveConflict(r: Request, programme: string, id: number): Promise<void> {
  const account = await allowed(r, 'resolve-conflict', programme);
  const body = parse(decideSchema, await readJson(r.req));
  const inbox = await store(r, programme);
  const decided = await r.ctx.db.transaction(async () => {
    const conflict = await inbox.getConflict(id);
    if (conflict === undefined || conflict.status !== 'open') return undefined;
    const at = r.ctx.now().toISOString();
    if (body.keep === 'incoming') {
      await inbox.putVisit(keptVisitOf(conflict, at, 'accepted'));
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

export async function addAccount(r: Request): Promise<void> {
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

export async function addProgramme(r: Request): Promise<void> {
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
