/**
 * Printers without IPP, read over SNMP (own SNMPv2c client) from a real Net-SNMP agent serving
 * Printer-MIB values: model, supplies with levels, the detected-error bits (paper out + jam),
 * and a silent agent reported as "could not check".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { berInt, berOid, decodeTlv, oidText } from '../../../diagnostics/printers/snmp/ber.js';
import { errorBits, querySnmpPrinter } from '../../../diagnostics/printers/snmp-printer.js';
import { startSnmpAgent, type SnmpAgent } from '../../helpers/snmp-agent.js';

let agent: SnmpAgent;

beforeAll(async () => {
  agent = await startSnmpAgent({
    model: 'Brother HL-L2321D series',
    status: 3,
    errorState: 'D', // 0x44: noPaper + jammed
    supplies: [
      { name: 'Black Toner Cartridge', max: 2600, level: 130 },
      { name: 'Drum Unit', max: 12000, level: 9000 },
    ],
  });
});

afterAll(async () => {
  await agent?.stop();
});

describe('SNMP Printer-MIB', () => {
  it('reads model, state, supplies and error bits, and explains them', async () => {
    const result = await querySnmpPrinter({ host: '127.0.0.1', port: agent.port });
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.data).toMatchObject({
      source: 'snmp',
      makeModel: 'Brother HL-L2321D series',
      state: 'error',
      stateReasons: ['noPaper', 'jammed'],
    });
    expect(result.data.supplies).toEqual([
      { name: 'Black Toner Cartridge', type: 'toner', levelPercent: 5 },
      { name: 'Drum Unit', type: 'unknown', levelPercent: 75 },
    ]);
    expect(result.data.faults.map((f) => f.code).sort()).toEqual([
      'media-empty',
      'media-jam',
      'toner-low',
    ]);
  });

  it('says why when nothing answers', async () => {
    const result = await querySnmpPrinter({ host: '127.0.0.1', port: 9, timeoutMs: 200 });
    expect(result.status).toBe('failed');
  });

  it('encodes and decodes BER integers and OIDs', () => {
    expect([...berInt(0)]).toEqual([2, 1, 0]);
    expect([...berInt(128)]).toEqual([2, 2, 0, 128]);
    expect([...berInt(-1)]).toEqual([2, 1, 0xff]);
    const oid = berOid('1.3.6.1.2.1.43.11.1.1.9.1.1');
    expect(oidText(decodeTlv(oid).node.value)).toBe('1.3.6.1.2.1.43.11.1.1.9.1.1');
    expect(oidText(decodeTlv(berOid('1.3.6.1.4.1.2435.2.3')).node.value)).toBe(
      '1.3.6.1.4.1.2435.2.3',
    );
    expect(errorBits(Buffer.from([0x10, 0x08]))).toEqual(['noToner', 'outputFull']);
  });
});
