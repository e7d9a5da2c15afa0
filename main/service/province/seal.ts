/**
 * Sealing and checking a province pack, in the style of the visit export
 * (`main/service/reports/signed-json.ts`): a SHA-256 digest of the payload (format, version,
 * date and pack, in that order) catches damage; an Ed25519 signature over a domain tag, the
 * digest and the key id shows who published it and that nobody changed it since.
 */
import { createHash, createPrivateKey, sign, verify } from 'node:crypto';

import type { LocalText } from '../define.js';
import { keyIdOf, parsePublicKey } from '../inbox/keys.js';
import {
  PACK_FORMAT,
  PACK_VERSION,
  packEnvelopeSchema,
  provincePackSchema,
  type PackEnvelope,
  type ProvincePack,
} from './schema.js';

/** Largest pack file read (a pack is a few kB; roots add a little). */
export const MAX_PACK_BYTES = 1024 * 1024;

type Payload = Pick<PackEnvelope, 'format' | 'version' | 'publishedAt' | 'pack'>;

/** SHA-256 (hex) of the payload as compact JSON, top-level fields in a fixed order. */
export function packDigest(payload: Payload): string {
  const { format, version, publishedAt, pack } = payload;
  return createHash('sha256')
    .update(JSON.stringify({ format, version, publishedAt, pack }))
    .digest('hex');
}

function signedMessage(digest: string, keyId: string): Buffer {
  return Buffer.from(`${PACK_FORMAT}/${PACK_VERSION}\n${digest}\n${keyId}`, 'utf8');
}

/** A publisher's key pair (PEM). */
export type PublisherKey = Readonly<{ privateKeyPem: string; publicKeyPem: string }>;

/** Signs `pack` (validated first: a publisher cannot seal a wrong pack). */
export function sealPack(pack: ProvincePack, key: PublisherKey, publishedAt: string): PackEnvelope {
  const content = provincePackSchema.parse(pack);
  const keyId = keyIdOf(parsePublicKey(key.publicKeyPem));
  const payload: Payload = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    publishedAt,
    pack: content,
  };
  const digest = packDigest(payload);
  const signature = sign(
    null,
    signedMessage(digest, keyId),
    createPrivateKey(key.privateKeyPem),
  ).toString('base64');
  return {
    ...payload,
    integrity: {
      digestAlgorithm: 'SHA-256',
      digest,
      signatureAlgorithm: 'Ed25519',
      keyId,
      publicKeyPem: key.publicKeyPem,
      signature,
    },
  };
}

/** The outcome of checking a pack file: the pack and its publisher key, or why it is refused. */
export type PackCheck =
  | Readonly<{
      ok: true;
      pack: ProvincePack;
      keyId: string;
      publicKeyPem: string;
      publishedAt: string;
      digest: string;
    }>
  | Readonly<{
      ok: false;
      kind: 'not-json' | 'not-a-pack' | 'damaged' | 'tampered' | 'invalid';
      reason: LocalText;
    }>;

const no = (
  kind: Extract<PackCheck, { ok: false }>['kind'],
  vi: string,
  en: string,
): PackCheck => ({
  ok: false,
  kind,
  reason: { vi, en },
});

function issueText(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): string {
  const issue = error.issues[0];
  return `${issue?.path.map(String).join('.') || '(gốc)'}: ${issue?.message ?? ''}`;
}

function signatureOk(envelope: PackEnvelope): PackCheck | undefined {
  const { integrity } = envelope;
  let keyId: string;
  let publicKey;
  try {
    publicKey = parsePublicKey(integrity.publicKeyPem);
    keyId = keyIdOf(publicKey);
  } catch {
    return no(
      'tampered',
      'Khoá công khai trong tệp không phải khoá Ed25519 hợp lệ.',
      'The public key in the file is not a valid Ed25519 key.',
    );
  }
  if (keyId !== integrity.keyId)
    return no(
      'tampered',
      'Mã khoá không khớp với khoá công khai trong tệp.',
      'The key id does not match the public key in the file.',
    );
  const good = verify(
    null,
    signedMessage(integrity.digest, keyId),
    publicKey,
    Buffer.from(integrity.signature, 'base64'),
  );
  return good
    ? undefined
    : no(
        'tampered',
        'Chữ ký không khớp: gói đã bị sửa sau khi đơn vị phát hành ký (mã băm được tính lại) hoặc chữ ký bị thay. Không nhập.',
        'The signature does not match: the pack was edited after the publisher signed it (digest recomputed) or the signature was replaced. Not imported.',
      );
}

/** Checks a pack file's text: JSON, envelope, digest, signature, then the content schema. */
export function checkPack(text: string): PackCheck {
  if (Buffer.byteLength(text, 'utf8') > MAX_PACK_BYTES)
    return no(
      'not-a-pack',
      'Tệp quá lớn cho một gói dữ liệu tỉnh (tối đa 1 MB).',
      'The file is too big for a province pack (1 MB at most).',
    );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return no(
      'not-json',
      `Không phải JSON hợp lệ (${(error as Error).message}).`,
      `Not valid JSON (${(error as Error).message}).`,
    );
  }
  const envelope = packEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    const where = issueText(envelope.error);
    return no(
      'not-a-pack',
      `Không phải gói dữ liệu tỉnh của Xã Số (${where}).`,
      `Not a Xã Số province pack (${where}).`,
    );
  }
  if (packDigest(envelope.data) !== envelope.data.integrity.digest)
    return no(
      'damaged',
      'Mã băm SHA-256 không khớp: tệp bị hỏng hoặc bị sửa. Không nhập.',
      'The SHA-256 digest does not match: the file is damaged or was edited. Not imported.',
    );
  const badSignature = signatureOk(envelope.data);
  if (badSignature !== undefined) return badSignature;
  const pack = provincePackSchema.safeParse(envelope.data.pack);
  if (!pack.success) {
    const where = issueText(pack.error);
    return no(
      'invalid',
      `Chữ ký đúng nhưng nội dung gói sai cấu trúc (${where}).`,
      `The signature is right but the pack's content is malformed (${where}).`,
    );
  }
  const { integrity, publishedAt } = envelope.data;
  return {
    ok: true,
    pack: pack.data,
    keyId: integrity.keyId,
    publicKeyPem: integrity.publicKeyPem,
    publishedAt,
    digest: integrity.digest,
  };
}
