/**
 * A minimal SNMPv2c client over UDP (`dgram`: an ordinary socket, no raw sockets, no admin):
 * GET and GETNEXT with a timeout and one retry.
 */
import { createSocket } from 'node:dgram';

import { berInt, berOid, decodeTlv, intOf, oidText, tlv, type Tlv } from './ber.js';

/** A value read from an agent. `undefined` = no such object/instance, end of view. */
export type SnmpValue = number | string | Buffer | undefined;

/** One variable binding of a response. */
export type VarBind = Readonly<{ oid: string; value: SnmpValue; raw?: Buffer }>;

/** Where the agent is. */
export type SnmpTarget = Readonly<{
  host: string;
  port?: number;
  community?: string;
  timeoutMs?: number;
}>;

const GET = 0xa0;
const GET_NEXT = 0xa1;
let nextId = Math.floor(Math.random() * 0x7fff_0000);

function message(pdu: number, id: number, oids: readonly string[], community: string): Buffer {
  const binds = tlv(
    0x30,
    Buffer.concat(
      oids.map((oid) => tlv(0x30, Buffer.concat([berOid(oid), Buffer.from([0x05, 0x00])]))),
    ),
  );
  const body = tlv(pdu, Buffer.concat([berInt(id), berInt(0), berInt(0), binds]));
  return tlv(0x30, Buffer.concat([berInt(1), tlv(0x04, Buffer.from(community, 'latin1')), body]));
}

function valueOf(node: Tlv): SnmpValue {
  switch (node.tag) {
    case 0x02:
      return intOf(node.value);
    case 0x41:
    case 0x42:
    case 0x43:
      return intOf(node.value, false);
    case 0x04:
      return Buffer.from(node.value);
    case 0x06:
      return oidText(node.value);
    default:
      return undefined;
  }
}

/** Parses a GetResponse; throws on an SNMP error status or a malformed message. */
export function parseResponse(buffer: Buffer, id: number): VarBind[] {
  const { node } = decodeTlv(buffer);
  const pdu = node.children?.[2];
  if (pdu === undefined || pdu.tag !== 0xa2 || pdu.children === undefined)
    throw new Error('SNMP: not a response');
  const [reqId, status, , binds] = pdu.children;
  if (reqId === undefined || intOf(reqId.value) !== id)
    throw new Error('SNMP: answer to another request');
  if (status !== undefined && intOf(status.value) !== 0)
    throw new Error(`SNMP: error status ${intOf(status.value)}`);
  return (binds?.children ?? []).map((bind) => {
    const [oid, value] = bind.children ?? [];
    if (oid === undefined || value === undefined) throw new Error('SNMP: bad varbind');
    return { oid: oidText(oid.value), value: valueOf(value) };
  });
}

function exchange(target: SnmpTarget, pdu: number, oids: readonly string[]): Promise<VarBind[]> {
  const id = (nextId = (nextId + 1) % 0x7fff_ffff);
  const packet = message(pdu, id, oids, target.community ?? 'public');
  const timeoutMs = target.timeoutMs ?? 1500;
  return new Promise((resolve, reject) => {
    const socket = createSocket(target.host.includes(':') ? 'udp6' : 'udp4');
    let tries = 0;
    const done = (error: Error | undefined, binds?: VarBind[]): void => {
      clearTimeout(timer);
      socket.close();
      if (error) reject(error);
      else resolve(binds ?? []);
    };
    const send = (): void => {
      tries += 1;
      socket.send(packet, target.port ?? 161, target.host);
    };
    let timer = setTimeout(function retry() {
      if (tries >= 2)
        return done(new Error(`SNMP: no answer from ${target.host} within ${timeoutMs * 2} ms`));
      send();
      timer = setTimeout(retry, timeoutMs);
    }, timeoutMs);
    socket.on('error', (error) => done(error));
    socket.on('message', (msg) => {
      try {
        done(undefined, parseResponse(msg, id));
      } catch (error) {
        if (error instanceof Error && /another request/.test(error.message)) return;
        done(error instanceof Error ? error : new Error(String(error)));
      }
    });
    send();
  });
}

/** GET of several OIDs in one request. */
export function snmpGet(target: SnmpTarget, oids: readonly string[]): Promise<VarBind[]> {
  return exchange(target, GET, oids);
}

/** Walks the subtree under `root` with GETNEXT (at most `max` rows). */
export async function snmpWalk(target: SnmpTarget, root: string, max = 32): Promise<VarBind[]> {
  const rows: VarBind[] = [];
  let oid = root;
  for (let i = 0; i < max; i += 1) {
    const [bind] = await exchange(target, GET_NEXT, [oid]);
    if (bind === undefined || bind.value === undefined || !bind.oid.startsWith(`${root}.`)) break;
    rows.push(bind);
    oid = bind.oid;
  }
  return rows;
}
