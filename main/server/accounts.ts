/**
 * People and rights on the server: accounts (province admin, supervisor of some programmes,
 * read-only viewer), sessions with an expiry and a CSRF token, and the audit log. Every request
 * handler asks `can(account, action, programme)` before it reads or writes.
 */
import { createHash, randomBytes } from 'node:crypto';

import type { Db } from './db.js';
import { hashPassword, verifyPassword } from './passwords.js';

export const ROLES = ['admin', 'supervisor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** A signed-in person, as the handlers see them. */
export type Account = Readonly<{
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** Programmes this account may see (every programme for an admin). */
  programmes: readonly string[];
}>;

/** What a request wants to do. */
export type Action = 'read' | 'enrol-key' | 'resolve-conflict' | 'manage';

/**
 * The one rights check. Admin: everything. Supervisor: read, enrol keys and resolve conflicts in
 * their own programmes. Viewer: read their own programmes. Only an admin manages accounts and
 * programmes.
 */
export function can(account: Account, action: Action, programmeId?: string): boolean {
  if (account.role === 'admin') return true;
  if (action === 'manage') return false;
  if (programmeId === undefined || !account.programmes.includes(programmeId)) return false;
  if (account.role === 'viewer') return action === 'read';
  return true;
}

/** A new session: the cookie value (secret), its CSRF token and its expiry. */
export type NewSession = Readonly<{ token: string; csrf: string; expiresAt: Date }>;

const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

async function accountById(db: Db, id: number): Promise<Account | undefined> {
  const [row] = await db.query<{
    id: number;
    username: string;
    display_name: string;
    role: Role;
    programmes: string[] | null;
  }>(
    `SELECT a.id, a.username, a.display_name, a.role,
       CASE WHEN a.role = 'admin' THEN (SELECT array_agg(id ORDER BY id) FROM programmes)
            ELSE (SELECT array_agg(programme_id ORDER BY programme_id) FROM account_programmes
                  WHERE account_id = a.id) END AS programmes
     FROM accounts a WHERE a.id = $1`,
    [id],
  );
  if (row === undefined) return undefined;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    programmes: row.programmes ?? [],
  };
}

/** Creates an account (password hashed with scrypt) with its programmes. */
export async function createAccount(
  db: Db,
  input: Readonly<{
    username: string;
    displayName: string;
    role: Role;
    password: string;
    programmes: readonly string[];
  }>,
): Promise<Account> {
  const hash = await hashPassword(input.password);
  const id = await db.transaction(async () => {
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO accounts (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4)
       RETURNING id`,
      [input.username, input.displayName, input.role, hash],
    );
    for (const p of input.programmes)
      await db.query('INSERT INTO account_programmes (account_id, programme_id) VALUES ($1, $2)', [
        row!.id,
        p,
      ]);
    return row!.id;
  });
  return (await accountById(db, id))!;
}

/** Number of accounts (zero on a fresh server: the first admin comes from the config). */
export async function countAccounts(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts');
  return row?.n ?? 0;
}

/** Checks a username and password; the account when they match. */
export async function checkLogin(
  db: Db,
  username: string,
  password: string,
): Promise<Account | undefined> {
  const [row] = await db.query<{ id: number; password_hash: string }>(
    'SELECT id, password_hash FROM accounts WHERE username = $1',
    [username],
  );
  // Hash even for an unknown name, so the answer time does not tell which names exist.
  const stored = row?.password_hash ?? DUMMY_HASH;
  const good = await verifyPassword(password, stored);
  return good && row !== undefined ? accountById(db, row.id) : undefined;
}

const DUMMY_HASH = `scrypt$${2 ** 16}$8$1$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(32).toString('base64url')}`;

/** Opens a session for an account, valid `hours`. */
export async function openSession(db: Db, accountId: number, hours: number): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + hours * 3_600_000);
  await db.query('DELETE FROM sessions WHERE expires_at < now()');
  await db.query(
    'INSERT INTO sessions (id_hash, account_id, csrf, expires_at) VALUES ($1, $2, $3, $4)',
    [tokenHash(token), accountId, csrf, expiresAt],
  );
  return { token, csrf, expiresAt };
}

/** The account and CSRF token of a live session (undefined when unknown or expired). */
export async function sessionOf(
  db: Db,
  token: string,
): Promise<{ account: Account; csrf: string } | undefined> {
  const [row] = await db.query<{ account_id: number; csrf: string }>(
    'SELECT account_id, csrf FROM sessions WHERE id_hash = $1 AND expires_at > now()',
    [tokenHash(token)],
  );
  if (row === undefined) return undefined;
  const account = await accountById(db, row.account_id);
  return account === undefined ? undefined : { account, csrf: row.csrf };
}

/** Ends a session. */
export async function closeSession(db: Db, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id_hash = $1', [tokenHash(token)]);
}

/** One line of the audit log. */
export type AuditEntry = Readonly<{
  at: string;
  actor: string;
  action: string;
  programmeId?: string | undefined;
  target: string;
  detail: Readonly<Record<string, unknown>>;
}>;

/** Adds a line to the audit log (in the caller's transaction when there is one). */
export async function audit(
  db: Db,
  entry: Readonly<{
    actor: string;
    action: string;
    programmeId?: string | undefined;
    target: string;
    detail?: Readonly<Record<string, unknown>>;
  }>,
): Promise<void> {
  await db.query(
    'INSERT INTO audit_log (actor, action, programme_id, target, detail) VALUES ($1, $2, $3, $4, $5)',
    [entry.actor, entry.action, entry.programmeId ?? null, entry.target, entry.detail ?? {}],
  );
}

/** The audit log, newest first, limited to the programmes an account sees (all for an admin). */
export async function readAudit(db: Db, account: Account, limit: number): Promise<AuditEntry[]> {
  const rows = await db.query<{
    at: Date;
    actor: string;
    action: string;
    programme_id: string | null;
    target: string;
    detail: Record<string, unknown>;
  }>(
    `SELECT at, actor, action, programme_id, target, detail FROM audit_log
     WHERE $1 OR programme_id = ANY($2) ORDER BY id DESC LIMIT $3`,
    [account.role === 'admin', account.programmes, limit],
  );
  return rows.map((r) => ({
    at: r.at.toISOString(),
    actor: r.actor,
    action: r.action,
    ...(r.programme_id === null ? {} : { programmeId: r.programme_id }),
    target: r.target,
    detail: r.detail,
  }));
}
