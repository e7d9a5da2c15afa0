/**
 * `diagnostics:run` checks the network with the same endpoint list and CA certificates as
 * `network:check`: the list saved in the data folder (`endpoints.json`) and the request's `ca`.
 * The world is loopback only: a site served over HTTPS by this test with a throw-away CA, and a
 * network configuration (gateway 127.0.0.1) given as the probe settings.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { MachineSnapshot } from '../../../../diagnostics/types.js';
import { defaultEnv } from '../../../../main/service/env.js';
import { createService, type Service } from '../../../../main/service/index.js';
import { createTestCa, type TestCa } from '../../../helpers/test-ca.js';
import { startHttp, startHttps, type TestServer } from '../../../helpers/web-servers.js';

let ca: TestCa;
let site: TestServer;
let ncsi: TestServer;
let dataDir: string;
let service: Service;

beforeAll(async () => {
  ca = await createTestCa();
  site = await startHttps('127.0.0.1', await ca.issue(['127.0.0.1']));
  ncsi = await startHttp('127.0.0.1', { body: 'Microsoft Connect Test' });
  dataDir = await mkdtemp(join(tmpdir(), 'h4-diag-'));
  await writeFile(
    join(dataDir, 'endpoints.json'),
    JSON.stringify({
      connectivity: {
        url: `http://127.0.0.1:${ncsi.port}/connecttest.txt`,
        expectBody: 'Microsoft Connect Test',
      },
      endpoints: [
        {
          id: 'tinh',
          kind: 'portal',
          url: `https://127.0.0.1:${site.port}/`,
          name: { vi: 'Cổng tỉnh', en: 'Province portal' },
        },
      ],
    }),
  );
  const networkConfig = {
    interfaces: [
      {
        name: 'lo0',
        kind: 'wired' as const,
        up: true,
        ipv4: [{ address: '127.0.0.1', prefix: 8 }],
        dns: [],
      },
    ],
    defaultGateway: '127.0.0.1',
    dnsServers: ['127.0.0.1'],
    proxy: { enabled: false, source: 'none' as const },
  };
  service = createService({
    ...defaultEnv({ door: 'test', dataDir, version: '0.0.0' }),
    diagnostics: { settings: { networkConfig } },
  });
});

afterAll(async () => {
  await site?.close();
  await ncsi?.close();
  await ca?.cleanup();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const run = async (ca?: string[]) => {
  const result = await service.invoke('diagnostics:run', {
    only: ['network.reachability'],
    ...(ca === undefined ? {} : { ca }),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.value as MachineSnapshot).checks;
};

describe('diagnostics:run and the network endpoint list', () => {
  it('checks the sites of <data folder>/endpoints.json, trusting the CA given with --ca', async () => {
    const checks = await run([ca.caCert]);
    expect(checks.find((c) => c.id === 'network.endpoint.tinh')).toMatchObject({ status: 'ok' });
    expect(checks.map((c) => c.id)).not.toContain('network.endpoint.dvcqg');
  });

  it('does not trust that CA without it', async () => {
    const checks = await run();
    expect(checks.find((c) => c.id === 'network.endpoint.tinh')).toMatchObject({ status: 'fail' });
  });
});
