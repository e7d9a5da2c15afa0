/**
 * The province pack end to end: the shipped example packs verify against the example publisher
 * key; import through the real service and CLI; refusals (damaged, re-signed, malformed, another
 * publisher, older); and what it changes: the network endpoint list, the root list the probes
 * get, and the CA question of the token checklist.
 */
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { rootsOf } from '../../../../diagnostics/signature/roots.js';
import type { Probe } from '../../../../diagnostics/types.js';
import { createProbeRunner } from '../../../../main/service/checklists/probe-runner.js';
import { withNetworkSettings } from '../../../../main/service/diagnostics/network-settings.js';
import { defaultEnv, type ServiceEnv } from '../../../../main/service/env.js';
import { keyIdOf, parsePublicKey } from '../../../../main/service/inbox/keys.js';
import { createService, type Service } from '../../../../main/service/index.js';
import { endpointList } from '../../../../main/service/network/handlers.js';
import { provincePackSchema, type ProvincePack } from '../../../../main/service/province/schema.js';
import {
  checkPack,
  packDigest,
  sealPack,
  type PublisherKey,
} from '../../../../main/service/province/seal.js';
import { provinceProbeSettings } from '../../../../main/service/province/settings.js';
import { runCliCaptured } from '../../../helpers/cli.js';

const PACKS = resolve('province-packs');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function env(): Promise<ServiceEnv> {
  const dataDir = await mkdtemp(join(tmpdir(), 'h14-province-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  return defaultEnv({ door: 'test', version: '0.0.0-test', dataDir });
}

function newKey(): PublisherKey {
  const pair = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

const ROOT = {
  id: 'test-province-root',
  name: 'Test province root',
  kind: 'official-duty',
  sha256: 'ab'.repeat(32),
  subjectMatch: ['Test province root'],
  source: 'test',
} as const;

function testPack(overrides: Partial<ProvincePack> = {}): ProvincePack {
  return provincePackSchema.parse({
    province: { code: 'tinh-thu', name: { vi: 'Tỉnh Thử', en: 'Test Province' } },
    publisher: { name: 'Trung tâm CNTT tỉnh Thử' },
    checkedOn: '2026-12-01',
    portals: {
      publicService: {
        url: 'https://dichvucong.tinhthu.example',
        name: { vi: 'Cổng DVC tỉnh Thử', en: 'Test portal' },
        source: 'test',
      },
    },
    cas: [
      {
        provider: 'viettel',
        name: 'Viettel-CA',
        tokenModels: ['Feitian ePass2003'],
        issuedTo: 'officials',
        source: 'test',
      },
    ],
    apps: [],
    contacts: [],
    roots: [ROOT],
    ...overrides,
  });
}

const sealed = (pack: ProvincePack, key: PublisherKey, at = '2026-12-01T00:00:00.000Z'): string =>
  JSON.stringify(sealPack(pack, key, at));

async function serviceOn(e: ServiceEnv): Promise<Service> {
  return createService(e);
}

describe('the shipped example packs', () => {
  it.each(['quang-ninh', 'da-nang'])(
    '%s verifies against the example publisher key, every fact has a source',
    async (code) => {
      const checked = checkPack(await readFile(join(PACKS, `${code}.xaso-province.json`), 'utf8'));
      if (!checked.ok) throw new Error(checked.reason.en);
      const examplePub = await readFile(join(PACKS, 'example-publisher.pub.pem'), 'utf8');
      expect(checked.keyId).toBe(keyIdOf(parsePublicKey(examplePub)));
      expect(checked.pack.province.code).toBe(code);
      const { pack } = checked;
      for (const system of Object.values(pack.portals)) expect(system?.source).toMatch(/\S/);
      for (const c of pack.contacts) expect(c.source).toMatch(/\S/);
      // Only what sources confirm: the CA list is empty and said to be unconfirmed.
      expect(pack.cas).toEqual([]);
      expect(pack.unconfirmed.map((u) => u.field)).toContain('cas');
      for (const u of pack.unconfirmed) expect(u.note.vi).toMatch(/CHƯA XÁC NHẬN/);
    },
  );
});

describe('province:import and province:get', () => {
  it('imports Đà Nẵng from the command line and shows it', async () => {
    const e = await env();
    const service = createService({ ...e, door: 'cli' });
    const run = await runCliCaptured(
      ['province', 'import', join(PACKS, 'da-nang.xaso-province.json')],
      { service },
    );
    expect(run.code).toBe(0);
    expect(run.outLines.join('\n')).toMatch(
      /Đã nhập gói dữ liệu tỉnh[\s\S]*Thành phố Đà Nẵng[\s\S]*https:\/\/dichvucong\.danang\.gov\.vn/,
    );
    const show = await runCliCaptured(['province', 'show', '--lang', 'en'], { service });
    expect(show.code).toBe(0);
    expect(show.outLines.join('\n')).toMatch(/Da Nang City[\s\S]*Unconfirmed:[\s\S]*cas: /);
  });

  it('refuses a damaged file, a re-signed edit, a malformed pack and non-JSON, with a reason in both languages', async () => {
    const service = await serviceOn(await env());
    const key = newKey();
    const good = JSON.parse(sealed(testPack(), key)) as {
      pack: ProvincePack;
      integrity: { digest: string; signature: string };
    };
    const refuse = async (text: string): Promise<{ vi: string; en: string }> => {
      const r = await service.invoke('province:import', { fileName: 'p.json', text });
      if (r.ok) throw new Error('imported a bad pack');
      expect(r.error.code).toBe('invalid-request');
      return r.error.message;
    };
    // Edited after signing, digest left alone: damaged.
    const damaged = structuredClone(good);
    damaged.pack.portals.publicService!.url = 'https://evil.example';
    expect((await refuse(JSON.stringify(damaged))).vi).toMatch(/Mã băm SHA-256 không khớp/);
    // Edited and digest recomputed, signature kept: tampered.
    const resigned = structuredClone(damaged) as typeof damaged & {
      format: string;
      version: number;
      publishedAt: string;
    };
    resigned.integrity.digest = packDigest(resigned as never);
    expect((await refuse(JSON.stringify(resigned))).en).toMatch(/signature does not match/);
    // Signed correctly, but the content breaks the schema (signed by hand, bypassing sealPack).
    const bad = { ...good, pack: { ...good.pack, cas: [{ provider: 'X Y', name: '' }] } } as Record<
      string,
      unknown
    >;
    const digest = packDigest(bad as never);
    const keyId = keyIdOf(parsePublicKey(key.publicKeyPem));
    const signature = sign(
      null,
      Buffer.from(`xaso.province-pack/1\n${digest}\n${keyId}`),
      createPrivateKey(key.privateKeyPem),
    ).toString('base64');
    const malformed = { ...bad, integrity: { ...good.integrity, digest, signature } };
    expect((await refuse(JSON.stringify(malformed))).vi).toMatch(
      /nội dung gói sai cấu trúc \(cas\.0/,
    );
    expect((await refuse('{not json')).en).toMatch(/Not valid JSON/);
    expect((await refuse('{"format":"other"}')).vi).toMatch(/Không phải gói dữ liệu tỉnh/);
    const got = await service.invoke('province:get', {});
    expect(got.ok && got.value.province).toBe(null);
  });

  it('keeps the publisher: another key for the same province needs replacePublisher; older packs never win', async () => {
    const service = await serviceOn(await env());
    const key = newKey();
    const first = await service.invoke('province:import', {
      fileName: 'a.json',
      text: sealed(testPack(), key, '2026-12-01T00:00:00.000Z'),
    });
    expect(first.ok && first.value.action).toBe('new');
    const older = await service.invoke('province:import', {
      fileName: 'b.json',
      text: sealed(testPack(), key, '2026-11-01T00:00:00.000Z'),
    });
    expect(older.ok ? '' : older.error.code).toBe('conflict');
    const update = await service.invoke('province:import', {
      fileName: 'c.json',
      text: sealed(testPack(), key, '2026-12-02T00:00:00.000Z'),
    });
    expect(update.ok && update.value.action).toBe('update');
    const stranger = sealed(testPack(), newKey(), '2026-12-03T00:00:00.000Z');
    const refused = await service.invoke('province:import', { fileName: 'd.json', text: stranger });
    expect(refused.ok ? '' : refused.error.message.vi).toMatch(/do khoá khác/);
    const replaced = await service.invoke('province:import', {
      fileName: 'd.json',
      text: stranger,
      replacePublisher: true,
    });
    expect(replaced.ok && replaced.value.action).toBe('replaced');
  });

  it('a pack edited on disk after import is ignored, not half-used', async () => {
    const e = await env();
    const service = await serviceOn(e);
    await service.invoke('province:import', {
      fileName: 'a.json',
      text: sealed(testPack(), newKey()),
    });
    const file = join(e.dataDir, 'province', 'pack.json');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('tinhthu.example', 'evil.example'),
    );
    const got = await service.invoke('province:get', {});
    expect(got.ok && got.value.province).toBe(null);
  });
});

describe('what the pack changes', () => {
  it('replaces the dichvucong.TINH.gov.vn placeholder in the network endpoints', async () => {
    const e = await env();
    const before = await endpointList(e);
    expect(before.endpoints.some((x) => x.placeholder === true && x.url.includes('TINH'))).toBe(
      true,
    );
    const service = await serviceOn(e);
    await service.invoke('province:import', { path: join(PACKS, 'quang-ninh.xaso-province.json') });
    const after = await endpointList(e);
    expect(after.endpoints.some((x) => x.placeholder === true)).toBe(false);
    expect(
      after.endpoints.filter((x) => x.url === 'https://dichvucong.quangninh.gov.vn'),
    ).toHaveLength(1);
    expect(after.endpoints.map((x) => x.id)).toEqual(
      expect.arrayContaining([
        'dvcqg',
        'vneid',
        'province-public-service',
        'province-document-management',
      ]),
    );
    // The machine diagnosis sees the same list.
    const ctx = await withNetworkSettings({ ...e.host }, e, undefined);
    expect(ctx.settings?.endpoints?.map((x) => x.url)).toContain(
      'https://congchuc.quangninh.gov.vn',
    );
  });

  it("adds its roots (and the data folder's) to the built-in list the probes use", async () => {
    const e = await env();
    expect(await provinceProbeSettings(e)).toEqual({});
    const service = await serviceOn(e);
    await service.invoke('province:import', {
      fileName: 'a.json',
      text: sealed(testPack(), newKey()),
    });
    await writeFile(
      join(e.dataDir, 'vn-roots.json'),
      JSON.stringify({ roots: [{ ...ROOT, id: 'supervisor-root', name: 'Supervisor root' }] }),
    );
    const { vnRoots } = await provinceProbeSettings(e);
    const ids = vnRoots?.map((r) => r.id) ?? [];
    expect(ids).toEqual(
      expect.arrayContaining([
        'vn-nrca-sha256',
        'vgca-rootcag2',
        'test-province-root',
        'supervisor-root',
      ]),
    );
    // A checklist's probe sees them: a probe that reports the roots it was given.
    const seen: string[][] = [];
    const reporter: Probe = {
      id: 'test.roots',
      area: 'signature',
      title: { vi: 'gốc', en: 'roots' },
      timeoutMs: 5_000,
      run: async (ctx) => {
        seen.push(rootsOf(ctx).map((r) => r.id));
        return [];
      },
    };
    await createProbeRunner([reporter], e.host, () => provinceProbeSettings(e)).run('test.roots', {
      signal: AbortSignal.timeout(10_000),
    });
    expect(seen[0]).toContain('test-province-root');
  });

  it("puts the province's own CA first in the token checklist", async () => {
    const e = await env();
    const service = await serviceOn(e);
    await service.invoke('province:import', {
      fileName: 'a.json',
      text: sealed(testPack(), newKey()),
    });
    const started = await service.invoke('checklists:start-run', {
      checklistId: 'token-install',
      machineFingerprint: 'test',
    });
    if (!started.ok) throw new Error(started.error.message.en);
    const provider = started.value.run.checklist.steps.find((s) => s.id === 'provider');
    const options =
      provider?.kind === 'question' && provider.input.type === 'choice'
        ? provider.input.options
        : [];
    expect(options[0]?.value).toBe('viettel');
    expect(options[0]?.label.vi).toMatch(/tỉnh cấp/);
    expect(options.map((o) => o.value)).toEqual(expect.arrayContaining(['vgca', 'vnpt', 'other']));
  });
});

describe('root-file checks follow the root list in use', () => {
  it('a root added by the pack is accepted and named in the step; a root of the other kind is not', async () => {
    const e = await env();
    const service = await serviceOn(e);
    await service.invoke('province:import', {
      fileName: 'a.json',
      text: sealed(testPack(), newKey()),
    });
    const started = await service.invoke('checklists:start-run', {
      checklistId: 'token-install',
      machineFingerprint: 'test',
    });
    if (!started.ok) throw new Error(started.error.message.en);
    const { runId } = started.value.run;
    const vgca = started.value.run.checklist.steps.find((s) => s.id === 'roots-vgca-verify');
    expect(vgca?.body?.vi).toContain(`Test province root: ${ROOT.sha256}`);
    const pub = started.value.run.checklist.steps.find((s) => s.id === 'roots-public-verify');
    expect(pub?.body?.vi).not.toContain(ROOT.sha256);
    await service.invoke('checklists:answer', { runId, stepId: 'provider', value: 'vgca' });
    const answered = await service.invoke('checklists:answer', {
      runId,
      stepId: 'roots-vgca-verify',
      value: ROOT.sha256,
    });
    if (!answered.ok) throw new Error(answered.error.message.en);
    expect(answered.value.steps.find((s) => s.id === 'roots-vgca-verify')?.outcome).toBe(
      'answered',
    );
  });
});
