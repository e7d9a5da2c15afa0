/**
 * What `xaso serve programme|account|enrol` do on the server machine, straight on the database
 * (the operator runs them beside the server; each is audited as `cli`). The same actions exist
 * in the HTTP API for a signed-in admin or supervisor.
 */
import { keyIdOf, parsePublicKey, publicKeyFileSchema } from '../service/inbox/keys.js';
import type { EnrolledKey } from '../service/inbox/records.js';
import { audit, createAccount, type Account, type Role } from './accounts.js';
import type { Db } from './db.js';
import { migrate } from './migrations.js';
import { ensureProgramme, PgInboxStore } from './pg-store.js';

/** Creates or renames a programme. */
export async function addProgramme(db: Db, id: string, name: string, actor: string) {
  await migrate(db.pool);
  await ensureProgramme(db, id, name);
  await audit(db, { actor, action: 'programme.create', programmeId: id, target: id });
}

/** Creates an account. */
export async function addAccount(
  db: Db,
  input: Readonly<{
    username: string;
    displayName: string;
    role: Role;
    password: string;
    programmes: readonly string[];
  }>,
  actor: string,
): Promise<Account> {
  await migrate(db.pool);
  const account = await createAccount(db, input);
  await audit(db, {
    actor,
    action: 'account.create',
    target: account.username,
    detail: { role: account.role, programmes: account.programmes },
  });
  return account;
}

/** Enrols an intern's key in a programme, from their public key file's text or a key id. */
export async function enrolKey(
  db: Db,
  programme: string,
  keyFileOrId: string,
  name: string,
  actor: string,
  now: Date,
): Promise<EnrolledKey> {
  await migrate(db.pool);
  let key: EnrolledKey;
  if (/^[0-9a-f]{16}$/.test(keyFileOrId.trim())) {
    key = { keyId: keyFileOrId.trim(), name, source: 'fingerprint', enrolledAt: now.toISOString() };
  } else {
    const file = publicKeyFileSchema.parse(JSON.parse(keyFileOrId));
    if (keyIdOf(parsePublicKey(file.publicKeyPem)) !== file.keyId)
      throw new Error('the key id in the file does not match its key');
    key = {
      keyId: file.keyId,
      name,
      publicKeyPem: file.publicKeyPem,
      source: 'key-file',
      enrolledAt: now.toISOString(),
    };
  }
  const [exists] = await db.query('SELECT 1 FROM programmes WHERE id = $1', [programme]);
  if (exists === undefined) throw new Error(`no programme ${programme}`);
  await db.transaction(async () => {
    await new PgInboxStore(db, programme).putKey(key);
    await audit(db, {
      actor,
      action: 'key.enrol',
      programmeId: programme,
      target: key.keyId,
      detail: { name, source: key.source },
    });
  });
  return key;
}
