/**
 * The minimal IPP codec on its own: request bytes as RFC 8010 lays them out, and garbage or a
 * truncated answer from a "printer" becomes a failed result, never a crash.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { describe, expect, it } from 'vitest';

import {
  attr,
  decodeResponse,
  encodeRequest,
  IppOp,
} from '../../../diagnostics/printers/ipp/codec.js';
import { queryIppPrinter } from '../../../diagnostics/printers/ipp-printer.js';

describe('IPP codec', () => {
  it('encodes version, operation, request id, charset first, then our attributes', () => {
    const bytes = encodeRequest(IppOp.getPrinterAttributes, 7, [
      attr.uri('printer-uri', 'ipp://h/ipp/print'),
      attr.keyword('requested-attributes', 'a', 'b'),
    ]);
    expect([...bytes.subarray(0, 9)]).toEqual([2, 0, 0, 0x0b, 0, 0, 0, 7, 0x01]);
    expect(bytes.subarray(9, 12)).toEqual(Buffer.from([0x47, 0, 18]));
    expect(bytes.toString('latin1')).toContain(
      'requested-attributes\u0000\u0001a\u0044\u0000\u0000\u0000\u0001b',
    );
    expect(bytes.at(-1)).toBe(0x03);
  });

  it('decodes a response, and refuses a truncated one', () => {
    const reply = Buffer.concat([
      Buffer.from([2, 0, 0, 0, 0, 0, 0, 1, 0x04]),
      Buffer.from([0x23, 0, 13]),
      Buffer.from('printer-state'),
      Buffer.from([0, 4, 0, 0, 0, 5]),
      Buffer.from([0x44, 0, 21]),
      Buffer.from('printer-state-reasons'),
      Buffer.from([0, 15]),
      Buffer.from('media-jam-error'),
      Buffer.from([0x03]),
    ]);
    const decoded = decodeResponse(reply);
    expect(decoded.groups[0]?.attributes['printer-state']).toEqual([5]);
    expect(decoded.groups[0]?.attributes['printer-state-reasons']).toEqual(['media-jam-error']);
    expect(() => decodeResponse(reply.subarray(0, 20))).toThrow(/truncated/);
  });

  it('turns garbage from a fake printer into a failed result', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/ipp' });
      res.end(Buffer.from([2, 0, 0, 0, 0, 0, 0, 1, 0x04, 0x44, 0xff]));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const result = await queryIppPrinter({ uri: `ipp://127.0.0.1:${port}/ipp/print` });
      expect(result).toMatchObject({
        status: 'failed',
        reason: expect.stringMatching(/truncated/),
      });
    } finally {
      server.close();
    }
  });
});
