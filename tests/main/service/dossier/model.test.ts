/**
 * The dossier model from visits: devices merged by MAC, computer name and asset tag (newest
 * state wins), unidentified devices kept, risks from failed measurements and answers, the plan
 * per regime (the old regime never applies the new rules' 15-minute lock), and the diagram.
 */
import { describe, expect, it } from 'vitest';

import { renderDiagramSvg } from '../../../../main/service/dossier/diagram.js';
import { buildDossier } from '../../../../main/service/dossier/model.js';
import type { Visit } from '../../../../main/service/visits/schema.js';
import { sampleSnapshot, sampleVisit } from '../../../fixtures/visits/sample.js';

type Scan = Visit['scans'][number];
type Host = Scan['hosts'][number];

function scan(startedAt: string, hosts: Host[]): Scan {
  return {
    schema: 1,
    ranges: ['192.168.1.0/24'],
    startedAt,
    durationMs: 900,
    addressesScanned: 254,
    cancelled: false,
    hosts,
  };
}

const router: Host = {
  ip: '192.168.1.1',
  mac: 'AA:00:00:00:00:01',
  vendor: 'TP-Link',
  openPorts: [80],
  deviceType: 'router',
  gateway: true,
} as Host;
const printer: Host = {
  ip: '192.168.1.20',
  mac: 'aa:00:00:00:00:20',
  vendor: 'HP Inc.',
  openPorts: [9100, 631],
  deviceType: 'printer',
};
const stranger: Host = {
  ip: '192.168.1.77',
  mac: 'aa:00:00:00:00:77',
  openPorts: [],
  deviceType: 'unknown',
};
const pc = (ip: string, name: string, ports: number[]): Host =>
  ({
    ip,
    mac: `aa:00:00:00:01:${ip.split('.')[3]}`,
    hostname: name,
    netbios: { name },
    openPorts: ports,
    deviceType: 'pc',
  }) as Host;

function baselineRun(answers: Record<string, string>): Visit['checklists'][number] {
  return {
    runId: 'run-sec',
    checklistId: 'security-baseline',
    checklistVersion: '2.0.0',
    title: { vi: 'An toàn', en: 'Security' },
    status: 'completed',
    startedAt: '2026-11-20T09:00:00.000Z',
    steps: Object.entries(answers).map(([stepId, answer]) => ({
      stepId,
      title: { vi: stepId, en: stepId },
      outcome: 'answered' as const,
      answer,
    })),
  };
}

function office(): Visit[] {
  const older = sampleVisit({ id: 'visit-older-0001', date: '2026-05-10', machines: 0 });
  const newer = sampleVisit({ id: 'visit-newer-0002', date: '2026-11-20', machines: 0 });
  const a = sampleSnapshot(2, { hostname: 'UBND-KT-02', date: '2026-11-20' }); // Windows 10
  const b = sampleSnapshot(1, { hostname: 'UBND-VP-01', date: '2026-11-20' }); // Windows 11
  return [
    {
      ...older,
      scans: [scan('2026-05-10T08:00:00.000Z', [router, { ...printer, ip: '192.168.1.9' }])],
      machines: [
        {
          snapshot: {
            ...a,
            takenAt: '2026-05-10T08:00:00.000Z',
            machine: { ...a.machine, fingerprint: 'fp-old-disk' },
          },
          addedAt: '2026-05-10T08:00:00.000Z',
          assetTag: 'TS-07',
        },
      ],
    },
    {
      ...newer,
      scans: [
        scan('2026-11-20T08:00:00.000Z', [
          router,
          printer,
          stranger,
          pc('192.168.1.30', 'UBND-KT-02', [445, 3389]),
          pc('192.168.1.31', 'UBND-VP-01', [139]),
        ]),
      ],
      machines: [
        { snapshot: a, addedAt: '2026-11-20T08:00:00.000Z', assetTag: 'TS-07', room: 'Kế toán' },
        { snapshot: b, addedAt: '2026-11-20T08:10:00.000Z', user: 'Lê Văn Bình' },
      ],
      checklists: [
        baselineRun({ backup: 'no', 'guest-wifi': 'no', 'screen-lock': 'yes', training: 'yes' }),
      ],
    },
  ];
}

describe('buildDossier', () => {
  const d = buildDossier(office(), { regime: 'new' });

  it('merges devices by MAC, computer name and asset tag; the newest state wins', () => {
    expect(d.assets.map((a) => [a.kind, a.ip])).toEqual([
      ['router', '192.168.1.1'],
      ['pc', '192.168.1.30'],
      ['pc', '192.168.1.31'],
      ['printer', '192.168.1.20'],
      ['unknown', '192.168.1.77'],
    ]);
    const kt = d.assets.find((a) => a.hostname === 'UBND-KT-02')!;
    // Two fingerprints (a new disk) joined by the asset tag, and the scan joined by the name.
    expect(kt).toMatchObject({
      assetTag: 'TS-07',
      room: 'Kế toán',
      mac: 'aa:00:00:00:01:30',
      seenBy: ['scan', 'snapshot'],
    });
    expect(kt.outOfSupport).toBe(true);
    expect(kt.supportEnd).toBe('2025-10-14');
    expect(d.assets[0]).toMatchObject({ gateway: true, mac: 'aa:00:00:00:00:01' });
    expect(d.assets.find((a) => a.ip === '192.168.1.77')?.identified).toBe(false);
  });

  it('lists risks from what failed, each with its evidence, high ones first', () => {
    const byReq = new Map(d.risks.map((r) => [r.requirementId, r]));
    expect([...byReq.keys()]).toEqual(
      expect.arrayContaining([
        'remote-desktop',
        'file-sharing',
        'os-support',
        'backup',
        'guest-wifi',
        'inventory',
      ]),
    );
    expect(byReq.get('remote-desktop')?.evidence.map((e) => e.vi)).toEqual([
      '192.168.1.30 (UBND-KT-02): cổng 3389 (Remote Desktop) mở cho cả mạng nội bộ.',
    ]);
    expect(byReq.get('os-support')?.evidence[0]?.vi).toContain('UBND-KT-02');
    expect(byReq.get('os-support')?.evidence.some((e) => e.vi.includes('UBND-VP-01'))).toBe(false);
    expect(byReq.has('screen-lock')).toBe(false);
    const firstMedium = d.risks.findIndex((r) => r.severity === 'medium');
    expect(d.risks.slice(firstMedium).every((r) => r.severity === 'medium')).toBe(true);
    expect(d.risks.map((r) => r.id)).toEqual(
      d.risks.map((_, i) => `R${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('fills the plan: met, not met, not measured', () => {
    const state = Object.fromEntries(d.plan.map((p) => [p.id, p.state]));
    expect(state).toMatchObject({
      'screen-lock': 'met',
      training: 'met',
      backup: 'not-met',
      'remote-desktop': 'not-met',
      mfa: 'not-measured',
      'network-diagram': 'met',
    });
    expect(d.plan.every((p) => p.unconfirmed)).toBe(true);
  });

  it('applies the 15-minute lock and the password rule only under the new regime', () => {
    const old = buildDossier(office(), { regime: 'old' });
    const lockOld = old.plan.find((p) => p.id === 'screen-lock')!;
    const lockNew = d.plan.find((p) => p.id === 'screen-lock')!;
    expect(lockOld.title.vi).not.toMatch(/15/);
    expect(lockNew.title.vi).toMatch(/15 phút/);
    expect(old.plan.some((p) => p.id === 'passwords')).toBe(false);
    expect(d.plan.some((p) => p.id === 'passwords')).toBe(true);
    expect(old.plan.every((p) => !p.unconfirmed && p.source.includes('TCVN 11930'))).toBe(true);
  });

  it('draws every device in the diagram, with the exposed services in words', () => {
    const svg = renderDiagramSvg(d);
    for (const a of d.assets) expect(svg).toContain(a.ref);
    expect(svg).toContain('Cảnh báo: mở RDP 3389, SMB 445');
    expect(svg).toContain('Mạng nội bộ 192.168.1.0/24');
  });

  it('escapes hostile names in the SVG', () => {
    const visits = office();
    const last = visits[1]!;
    const hostile = {
      ...stranger,
      ip: '192.168.1.78',
      mac: 'aa:00:00:00:00:78',
      hostname: '<script>x</script>&',
    };
    const svg = renderDiagramSvg(
      buildDossier([{ ...last, scans: [scan('2026-11-20T08:00:00.000Z', [hostile])] }], {
        regime: 'old',
      }),
    );
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&#60;script&#62;');
  });
});

describe('the security-baseline checklist feeds the plan', () => {
  const STEP_TO_REQUIREMENT: Readonly<Record<string, readonly string[]>> = {
    'screen-lock-old': ['screen-lock'],
    'browser-support': ['browser'],
    'unused-services': ['remote-desktop', 'file-sharing'],
  };
  const NOT_ITEMS = new Set(['scope', 'regime', 'level', 'new-rules-note']);

  it('turns every failed answer of the checklist into a not-met item and a risk', async () => {
    const { readFile } = await import('node:fs/promises');
    const yaml = await readFile(
      new URL('../../../../checklists/security-baseline.yaml', import.meta.url),
      'utf8',
    );
    const steps = [...yaml.matchAll(/^ {2}- id: ([a-z0-9-]+)$/gm)]
      .map((m) => m[1]!)
      .filter((id) => !NOT_ITEMS.has(id));
    expect(steps.length).toBeGreaterThan(20);
    const visit = sampleVisit({ machines: 0 });
    for (const regime of ['old', 'new'] as const) {
      const answers = Object.fromEntries(steps.map((id) => [id, 'no']));
      const d = buildDossier([{ ...visit, checklists: [baselineRun(answers)] }], { regime });
      const notMet = new Set(d.plan.filter((p) => p.state === 'not-met').map((p) => p.id));
      const risks = new Set(d.risks.map((r) => r.requirementId));
      for (const step of steps) {
        const reqs = STEP_TO_REQUIREMENT[step] ?? [step];
        // A step for the other regime only has no item there (passwords is new-only).
        if (!d.plan.some((p) => reqs.includes(p.id))) continue;
        for (const id of reqs) {
          expect(notMet, `${regime}: ${step} → ${id}`).toContain(id);
          expect(risks, `${regime}: ${step} → ${id}`).toContain(id);
        }
      }
    }
  });
});
