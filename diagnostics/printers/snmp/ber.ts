/**
 * The few BER (X.690) pieces SNMPv2c needs: INTEGER, OCTET STRING, NULL, OBJECT IDENTIFIER,
 * SEQUENCE and the PDU tags; decoding also reads Counter32/Gauge32/TimeTicks and the v2
 * exceptions (noSuchObject, noSuchInstance, endOfMibView).
 */

/** A decoded TLV: `tag`, and either children (constructed) or the raw value bytes. */
export type Tlv = Readonly<{ tag: number; value: Buffer; children?: readonly Tlv[] }>;

function lengthBytes(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  if (length < 0x100) return Buffer.from([0x81, length]);
  return Buffer.from([0x82, length >> 8, length & 0xff]);
}

/** One TLV from a tag and its content. */
export function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), lengthBytes(content.length), content]);
}

/** INTEGER, two's complement, shortest form. */
export function berInt(value: number): Buffer {
  const bytes: number[] = [];
  let v = value;
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v !== 0 && v !== -1);
  if (value >= 0 && (bytes[0] ?? 0) & 0x80) bytes.unshift(0);
  if (value < 0 && !((bytes[0] ?? 0) & 0x80)) bytes.unshift(0xff);
  return tlv(0x02, Buffer.from(bytes));
}

/** OBJECT IDENTIFIER from dotted text (`1.3.6.1.2.1.1.1.0`). */
export function berOid(oid: string): Buffer {
  const arcs = oid.replace(/^\./, '').split('.').map(Number);
  const out: number[] = [40 * (arcs[0] ?? 1) + (arcs[1] ?? 3)];
  for (const arc of arcs.slice(2)) {
    const chunk: number[] = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128))
      chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

/** Dotted text of an OID's content bytes. */
export function oidText(value: Buffer): string {
  const first = value[0] ?? 0;
  const arcs = [Math.floor(first / 40), first % 40];
  let acc = 0;
  for (const byte of value.subarray(1)) {
    acc = acc * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(acc);
      acc = 0;
    }
  }
  return arcs.join('.');
}

/** Signed integer of INTEGER content bytes; unsigned for the application types. */
export function intOf(value: Buffer, signed = true): number {
  let n = 0;
  for (const byte of value) n = n * 256 + byte;
  if (signed && value.length > 0 && ((value[0] ?? 0) & 0x80) !== 0) n -= 2 ** (8 * value.length);
  return n;
}

/** Decodes one TLV at `offset`; throws on truncation. */
export function decodeTlv(buffer: Buffer, offset = 0): { node: Tlv; next: number } {
  const tag = buffer[offset];
  let len = buffer[offset + 1];
  if (tag === undefined || len === undefined) throw new Error('BER: truncated');
  let start = offset + 2;
  if (len & 0x80) {
    const count = len & 0x7f;
    if (count === 0 || count > 3) throw new Error('BER: bad length');
    len = intOf(buffer.subarray(start, start + count), false);
    start += count;
  }
  const end = start + len;
  if (end > buffer.length) throw new Error('BER: truncated');
  const value = buffer.subarray(start, end);
  const constructed = (tag & 0x20) !== 0;
  if (!constructed) return { node: { tag, value }, next: end };
  const children: Tlv[] = [];
  for (let at = start; at < end;) {
    const { node, next } = decodeTlv(buffer, at);
    children.push(node);
    at = next;
  }
  return { node: { tag, value, children }, next: end };
}
