/**
 * A generated programme for the supervisor's desk: interns (each with an installation key),
 * communes, and signed visit exports spread over weeks, with carried-over open items, machines
 * seen again, multi-intern visits, checklist runs that count people helped, expiring
 * certificates and assessments. Deterministic for a seed. Used by tests, the bench and the e2e.
 */
import { generateKeyPairSync } from 'node:crypto';

import { keyIdOf, type InstallationKey } from '../../main/service/inbox/keys.js';
import { signVisit } from '../../main/service/reports/signed-json.js';
import type { Visit } from '../../main/service/visits/schema.js';
import { sampleSnapshot } from '../fixtures/visits/sample.js';

/** A fresh Ed25519 installation key. */
export function makeKey(at = '2026-09-01T00:00:00.000Z'): InstallationKey {
  const pair = generateKeyPairSync('ed25519');
  return {
    keyId: keyIdOf(pair.publicKey),
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    createdAt: at,
  };
}

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
const MIDDLE = ['Thị', 'Văn', 'Đức', 'Ngọc', 'Minh', 'Thu', 'Quốc', 'Thanh'];
const GIVEN = [
  'Ánh',
  'Bình',
  'Cường',
  'Dung',
  'Giang',
  'Hà',
  'Hải',
  'Khánh',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Oanh',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trung',
  'Vy',
];
const PLACES = [
  'Tiên Yên',
  'Hà Lâu',
  'Đông Ngũ',
  'Hải Lạng',
  'Đồng Rui',
  'Phong Dụ',
  'Điền Xá',
  'Yên Than',
  'Đông Hải',
  'Bình Liêu',
  'Hoành Mô',
  'Lục Hồn',
  'Đồng Văn',
  'Húc Động',
  'Vô Ngại',
  'Quảng Tân',
  'Quảng Đức',
  'Đầm Hà',
  'Quảng Hà',
  'Đường Hoa',
];

export type Intern = Readonly<{ name: string; key: InstallationKey }>;
export type ProgrammeFile = Readonly<{ name: string; text: string; visit: Visit; intern: Intern }>;
export type Programme = Readonly<{
  interns: readonly Intern[];
  communes: readonly string[];
  files: readonly ProgrammeFile[];
}>;

const CATEGORIES = [
  'vneid-level2',
  'public-service-dossier',
  'personal-signature',
  'officials-trained',
  'business',
  'other',
] as const;

/** One visit of the programme. */
function visitOf(
  i: number,
  r: () => number,
  communeName: string,
  date: string,
  names: readonly string[],
  machineBase: number,
  carried: Visit['openItems'],
): Visit {
  const machines = 1 + Math.floor(r() * 4);
  const items: Visit['openItems'] = [
    ...carried.map((o) => ({ ...o, done: r() < 0.5 })),
    ...(r() < 0.6
      ? [{ id: `o${i}`, text: 'Thay hộp mực máy in tầng 2', done: false, due: date }]
      : []),
  ];
  const category = CATEGORIES[Math.floor(r() * CATEGORIES.length)]!;
  return {
    schema: 'xaso.visit',
    version: 2,
    id: `visit-${String(i).padStart(6, '0')}`,
    createdAt: `${date}T01:00:00.000Z`,
    updatedAt: `${date}T09:00:00.000Z`,
    revision: 2,
    commune: { name: communeName, province: 'Tỉnh Quảng Ninh' },
    office: 'UBND xã — Bộ phận Một cửa',
    onSite: { date, arrivedAt: '07:30', leftAt: r() < 0.5 ? '11:30' : '16:30' },
    interns: names.map((name) => ({ name })),
    machines: Array.from({ length: machines }, (_, m) => ({
      snapshot: sampleSnapshot(machineBase + m, { date }) as Visit['machines'][number]['snapshot'],
      addedAt: `${date}T08:00:00.000Z`,
    })),
    checklists:
      r() < 0.5
        ? [
            {
              runId: `run-${i}`,
              checklistId: 'vneid-level2',
              checklistVersion: '1',
              title: { vi: 'Kích hoạt VNeID mức 2', en: 'VNeID level 2' },
              status: 'completed',
              startedAt: `${date}T08:30:00.000Z`,
              finishedAt: `${date}T09:00:00.000Z`,
              steps: [],
              counts: { category: 'vneid-level2', role: 'citizen' },
            } as Visit['checklists'][number],
          ]
        : [],
    scans: [],
    problems: r() < 0.3 ? [{ id: 'p1', kind: 'printers', text: 'Máy in kẹt giấy' }] : [],
    fixes:
      r() < 0.5
        ? [
            {
              id: 'f1',
              what: 'Dọn ổ C:',
              how: 'Xoá tệp tạm',
              machineFingerprint: `fp${String(machineBase).padStart(14, '0')}`,
            },
          ]
        : [],
    openItems: items,
    peopleHelped: [
      { role: 'citizen', category, task: 'Hỗ trợ người dân', count: 1 + Math.floor(r() * 10) },
    ],
    photos: [],
    ...(r() < 0.3
      ? {
          assessment: {
            text: 'Sinh viên nhiệt tình, hỗ trợ tốt bộ phận Một cửa.',
            by: 'Chủ tịch UBND xã',
          },
        }
      : {}),
  };
}

/**
 * Generates a programme: `visits` visits by `interns` interns over `communes` communes, one to
 * three weeks apart per commune, starting `start`, all exported before `now`.
 */
export function generateProgramme(
  options: Readonly<{
    interns: number;
    communes: number;
    visits: number;
    seed?: number;
    start?: string;
    now?: Date;
  }>,
): Programme {
  const r = rng(options.seed ?? 1);
  const interns: Intern[] = Array.from({ length: options.interns }, (_, i) => ({
    name: `${FAMILY[i % FAMILY.length]} ${MIDDLE[Math.floor(i / FAMILY.length) % MIDDLE.length]} ${GIVEN[i % GIVEN.length]}${i >= 80 ? ` ${i}` : ''}`,
    key: makeKey(),
  }));
  const communes = Array.from(
    { length: options.communes },
    (_, i) =>
      `Xã ${PLACES[i % PLACES.length]}${i >= PLACES.length ? ` ${Math.floor(i / PLACES.length) + 1}` : ''}`,
  );
  const start = Date.parse(`${options.start ?? '2026-09-07'}T00:00:00Z`);
  const now = (options.now ?? new Date('2026-12-01T00:00:00Z')).getTime();
  const span = Math.max(1, Math.floor((now - start) / 86_400_000) - 1);
  const lastItems = new Map<string, Visit['openItems']>();
  const files: ProgrammeFile[] = [];
  for (let i = 0; i < options.visits; i += 1) {
    const c = i % options.communes;
    const communeName = communes[c]!;
    const day = Math.floor(
      ((Math.floor(i / options.communes) + r()) / Math.ceil(options.visits / options.communes)) *
        span,
    );
    const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    const intern = interns[(c + Math.floor(i / options.communes)) % interns.length]!;
    const partner =
      r() < 0.25 ? interns[(interns.indexOf(intern) + 1) % interns.length] : undefined;
    const names =
      partner === undefined || partner === intern ? [intern.name] : [intern.name, partner.name];
    const carried = (lastItems.get(communeName) ?? [])
      .filter((o) => !o.done)
      .map((o) => ({ ...o, carriedFrom: 'earlier' }));
    const visit = visitOf(i, r, communeName, date, names, c * 10, carried);
    lastItems.set(communeName, visit.openItems);
    const exportedAt = new Date(
      Math.min(now - 60_000, Date.parse(`${date}T10:00:00Z`) + i),
    ).toISOString();
    const envelope = signVisit(visit, intern.key, { exportedAt, appVersion: '0.1.0' });
    files.push({ name: `${visit.id}.json`, text: JSON.stringify(envelope), visit, intern });
  }
  return { interns, communes, files };
}
