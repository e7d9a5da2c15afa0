/**
 * SHA-256 of a file the intern picks, computed in the renderer with Web Crypto (the file never
 * leaves the PC). A PEM certificate ("-----BEGIN CERTIFICATE-----") is hashed as its DER bytes,
 * so the result is the certificate's fingerprint whichever encoding was downloaded.
 */

/** Largest file hashed (root certificates are a few kB). */
export const MAX_HASH_BYTES = 4 * 1024 * 1024;

const PEM = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/;

/** The DER bytes of a PEM certificate, or the bytes unchanged. */
export function certificateBytes(bytes: Uint8Array): Uint8Array {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
  if (!head.includes('-----BEGIN CERTIFICATE-----')) return bytes;
  const body = PEM.exec(new TextDecoder('latin1').decode(bytes))?.[1];
  if (body === undefined) return bytes;
  return Uint8Array.from(atob(body.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
}

/** Lower-case hex SHA-256 of the file's (certificate) bytes. */
export async function fileSha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', certificateBytes(bytes) as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
