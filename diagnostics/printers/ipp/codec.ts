/**
 * A minimal IPP/1.1–2.0 message codec (RFC 8010 §3): enough for Get-Printer-Attributes,
 * Get-Jobs, Get-Job-Attributes and CUPS-Get-Printers. Collections are skipped on decode.
 */

/** Operation ids we use (RFC 8011 §5.4.15, CUPS Implementation). */
export const IppOp = {
  printJob: 0x0002,
  getJobAttributes: 0x0009,
  getJobs: 0x000a,
  getPrinterAttributes: 0x000b,
  cupsGetDefault: 0x4001,
  cupsGetPrinters: 0x4002,
} as const;

const TAG = { operation: 0x01, job: 0x02, end: 0x03, printer: 0x04 } as const;
const VALUE = {
  integer: 0x21,
  boolean: 0x22,
  enum: 0x23,
  keyword: 0x44,
  uri: 0x45,
  charset: 0x47,
  language: 0x48,
  name: 0x42,
  mime: 0x49,
} as const;

/** An attribute to send: a value tag and one or more values. */
export type IppOutAttribute = Readonly<{
  tag: number;
  name: string;
  values: readonly (string | number | boolean)[];
}>;

/** A decoded value: numbers for integer/enum, booleans, strings for everything textual. */
export type IppValue = string | number | boolean;

/** One attribute group of a response (each job or printer is its own group). */
export type IppGroup = Readonly<{
  tag: number;
  attributes: Readonly<Record<string, readonly IppValue[]>>;
}>;

/** A decoded response. `statusCode` < 0x0100 is success (RFC 8011 §4.1.6). */
export type IppResponse = Readonly<{
  version: string;
  statusCode: number;
  requestId: number;
  groups: readonly IppGroup[];
}>;

function encodeValue(tag: number, value: string | number | boolean): Buffer {
  if (tag === VALUE.integer || tag === VALUE.enum) {
    const b = Buffer.alloc(4);
    b.writeInt32BE(Number(value));
    return b;
  }
  if (tag === VALUE.boolean) return Buffer.from([value === true ? 1 : 0]);
  return Buffer.from(String(value), 'utf8');
}

/** Helpers to build the attributes of a request. */
export const attr = {
  uri: (name: string, value: string): IppOutAttribute => ({
    tag: VALUE.uri,
    name,
    values: [value],
  }),
  keyword: (name: string, ...values: string[]): IppOutAttribute => ({
    tag: VALUE.keyword,
    name,
    values,
  }),
  name: (name: string, value: string): IppOutAttribute => ({
    tag: VALUE.name,
    name,
    values: [value],
  }),
  integer: (name: string, value: number): IppOutAttribute => ({
    tag: VALUE.integer,
    name,
    values: [value],
  }),
  mime: (name: string, value: string): IppOutAttribute => ({
    tag: VALUE.mime,
    name,
    values: [value],
  }),
};

/** Encodes a request: charset and language first, then `operation` attributes, then data. */
export function encodeRequest(
  op: number,
  requestId: number,
  operation: readonly IppOutAttribute[],
  data?: Buffer,
): Buffer {
  const parts: Buffer[] = [Buffer.from([0x02, 0x00, op >> 8, op & 0xff]), Buffer.alloc(4)];
  parts[1]!.writeInt32BE(requestId);
  parts.push(Buffer.from([TAG.operation]));
  const all: IppOutAttribute[] = [
    { tag: VALUE.charset, name: 'attributes-charset', values: ['utf-8'] },
    { tag: VALUE.language, name: 'attributes-natural-language', values: ['en'] },
    ...operation,
  ];
  for (const attribute of all) {
    attribute.values.forEach((value, index) => {
      const name = Buffer.from(index === 0 ? attribute.name : '', 'utf8');
      const body = encodeValue(attribute.tag, value);
      const head = Buffer.alloc(5);
      head.writeUInt8(attribute.tag, 0);
      head.writeUInt16BE(name.length, 1);
      parts.push(head.subarray(0, 3), name);
      const len = Buffer.alloc(2);
      len.writeUInt16BE(body.length);
      parts.push(len, body);
    });
  }
  parts.push(Buffer.from([TAG.end]));
  if (data !== undefined) parts.push(data);
  return Buffer.concat(parts);
}

function decodeValue(tag: number, body: Buffer): IppValue {
  if ((tag === VALUE.integer || tag === VALUE.enum) && body.length === 4)
    return body.readInt32BE(0);
  if (tag === VALUE.boolean && body.length === 1) return body[0] === 1;
  if (tag === 0x31 && body.length === 11) {
    const y = body.readUInt16BE(0);
    const pad = (n: number | undefined): string => String(n ?? 0).padStart(2, '0');
    return `${y}-${pad(body[2])}-${pad(body[3])}T${pad(body[4])}:${pad(body[5])}:${pad(body[6])}${String.fromCharCode(body[8] ?? 43)}${pad(body[9])}:${pad(body[10])}`;
  }
  if (tag >= 0x10 && tag < 0x20) return '';
  return body.toString('utf8');
}

/** Decodes a response; throws `Error` on a truncated or malformed message. */
export function decodeResponse(buffer: Buffer): IppResponse {
  if (buffer.length < 9) throw new Error('IPP response too short');
  const groups: { tag: number; attributes: Record<string, IppValue[]> }[] = [];
  let offset = 8;
  let current: Record<string, IppValue[]> | undefined;
  let lastName = '';
  let depth = 0;
  const need = (n: number): void => {
    if (offset + n > buffer.length) throw new Error('IPP response truncated');
  };
  for (;;) {
    need(1);
    const tag = buffer[offset]!;
    offset += 1;
    if (tag === TAG.end) break;
    if (tag < 0x10) {
      current = {};
      groups.push({ tag, attributes: current });
      continue;
    }
    need(2);
    const nameLength = buffer.readUInt16BE(offset);
    need(2 + nameLength + 2);
    const name = buffer.toString('utf8', offset + 2, offset + 2 + nameLength);
    offset += 2 + nameLength;
    const valueLength = buffer.readUInt16BE(offset);
    need(2 + valueLength);
    const body = buffer.subarray(offset + 2, offset + 2 + valueLength);
    offset += 2 + valueLength;
    if (tag === 0x34) depth += 1;
    if (tag === 0x37) depth -= 1;
    if (depth > 0 || tag === 0x37 || current === undefined) continue;
    if (nameLength > 0) lastName = name;
    (current[lastName] ??= []).push(decodeValue(tag, body));
  }
  return {
    version: `${buffer[0]}.${buffer[1]}`,
    statusCode: buffer.readUInt16BE(2),
    requestId: buffer.readInt32BE(4),
    groups,
  };
}

/** Group tags, for picking printers and jobs out of a response. */
export const IppGroupTag = TAG;
