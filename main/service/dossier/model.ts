/**
 * The dossier model: one office's inventory, diagram facts, proposed level, risks and security
 * plan, from one or more visits of that office (the newest state of each device wins). Pure: the
 * renderers (DOCX, XLSX, the app) only lay it out.
 */
import type { LocalText } from '../define.js';
import type { Visit } from '../visits/schema.js';
import type { OfficeFacts } from './evidence.js';
import { buildInventory, type InventoryEntry } from './inventory.js';
import { REQUIREMENTS, REQUIREMENT_SOURCE, forRegime } from './requirements.js';
import type { Dossier, InternetPath, LevelProposal, PlanItem, Regime, Risk } from './types.js';

/** The checklist whose answers fill what no probe can tell. */
export const BASELINE_CHECKLIST = 'security-baseline';

const RUNGS = ['link', 'gateway', 'dns', 'internet'] as const;
type Status = 'ok' | 'warn' | 'fail' | 'unknown';

function newestBaselineRun(visits: readonly Visit[]) {
  return visits
    .flatMap((v) => v.checklists)
    .filter((r) => r.checklistId === BASELINE_CHECKLIST && r.status !== 'abandoned')
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    .at(-1);
}

function answersOf(run: ReturnType<typeof newestBaselineRun>): OfficeFacts['answers'] {
  const map = new Map<string, { outcome: string; answer?: string; note?: string }>();
  for (const s of run?.steps ?? [])
    map.set(s.stepId, {
      outcome: s.outcome,
      ...(s.answer === undefined ? {} : { answer: s.answer }),
      ...(s.note === undefined ? {} : { note: s.note }),
    });
  return map;
}

/** The network ladder of the newest PC that ran it. */
function internetPath(entries: readonly InventoryEntry[]): InternetPath {
  const measured = entries
    .filter((e) => e.snapshot?.checks.some((c) => c.id === 'network.internet'))
    .sort((a, b) => (a.snapshot?.takenAt ?? '').localeCompare(b.snapshot?.takenAt ?? ''))
    .at(-1);
  if (measured?.snapshot === undefined) return { measured: false, rungs: [] };
  const checks = measured.snapshot.checks;
  const rungs = RUNGS.map((id) => ({
    id,
    status: (checks.find((c) => c.id === `network.${id}`)?.status ?? 'unknown') as Status,
  }));
  const broken = rungs.find((r) => r.status !== 'ok');
  return {
    measured: true,
    rungs,
    from: measured.asset.hostname ?? measured.asset.ref,
    ...(broken === undefined ? {} : { breaksAt: broken.id }),
  };
}

function level(regime: Regime, entries: readonly InventoryEntry[]): LevelProposal {
  const pcs = entries.filter((e) => e.asset.kind === 'pc').length;
  const signing = entries.filter((e) =>
    e.asset.software.some((s) => s.kind.en === 'Digital signature'),
  ).length;
  const measuredLine: LocalText = {
    vi: `Hệ thống gồm mạng nội bộ và ${entries.length} thiết bị đo được (${pcs} máy tính), phục vụ một cơ quan${signing > 0 ? `; ${signing} máy có phần mềm chữ ký số (xử lý văn bản, thông tin của cán bộ)` : ''}.`,
    en: `The system is the LAN and ${entries.length} measured devices (${pcs} PCs), serving one agency${signing > 0 ? `; ${signing} PCs have signing software (documents, staff data)` : ''}.`,
  };
  const reasons: LocalText[] =
    regime === 'old'
      ? [
          measuredLine,
          {
            vi: 'NĐ 85/2016/NĐ-CP, tiêu chí cấp độ 2: hệ thống nội bộ xử lý thông tin riêng, thông tin cá nhân, không có bí mật nhà nước; hạ tầng phục vụ một cơ quan.',
            en: 'Decree 85/2016 level-2 criteria: an internal system handling private or personal data, no state secrets; infrastructure serving one agency.',
          },
        ]
      : [
          measuredLine,
          {
            vi: 'NĐ 331/2026/NĐ-CP Đ12.1 [CHƯA XÁC NHẬN]: tài khoản của cán bộ đã là dữ liệu cá nhân, nên hệ thống nội bộ thường là cấp độ 2.',
            en: 'Decree 331/2026 Art. 12.1 [UNCONFIRMED]: staff accounts alone are personal data, so internal systems are usually level 2.',
          },
          {
            vi: 'Hệ thống giải quyết thủ tục hành chính (cấp độ 3, Đ13.2.b) do tỉnh hoặc bộ quản lý, không thuộc hồ sơ này.',
            en: 'Administrative-procedure systems (level 3, Art. 13.2.b) are owned by the province or ministry, outside this dossier.',
          },
        ];
  return {
    level: 2,
    reasons,
    confirm: {
      vi: 'Bản nháp: cơ quan xác nhận cấp độ với Sở Khoa học và Công nghệ hoặc công an tỉnh trước khi trình phê duyệt.',
      en: 'Draft: the office confirms the level with the provincial Department of Science and Technology or police before submitting.',
    },
  };
}

type Judged = PlanItem & { failing: readonly LocalText[] };

function plan(regime: Regime, facts: OfficeFacts): Judged[] {
  return REQUIREMENTS.filter((r) => r.regimes === undefined || r.regimes.includes(regime)).map(
    (r) => {
      const j = r.judge(facts);
      return {
        id: r.id,
        group: r.group,
        title: forRegime(r.title, regime),
        state: j.state,
        evidence: j.evidence,
        remains: r.remains,
        unconfirmed: regime === 'new',
        source: REQUIREMENT_SOURCE[regime],
        failing: j.failing ?? j.evidence,
      };
    },
  );
}

function risks(items: readonly Judged[]): Risk[] {
  const out: Omit<Risk, 'id'>[] = [];
  for (const item of items) {
    const r = REQUIREMENTS.find((x) => x.id === item.id);
    if (item.state !== 'not-met' || r === undefined) continue;
    out.push({
      title: r.risk.title,
      severity: r.risk.severity,
      evidence: item.failing,
      fix: r.fix,
      requirementId: r.id,
    });
  }
  return out
    .sort((a, b) => Number(a.severity !== 'high') - Number(b.severity !== 'high'))
    .map((r, i) => ({ id: `R${String(i + 1).padStart(2, '0')}`, ...r }));
}

/** Options of {@link buildDossier}. */
export type DossierOptions = Readonly<{ regime: Regime }>;

/**
 * The dossier of the office the visits describe (the newest visit names it). Throws on an empty
 * list: the door checks that first.
 */
export function buildDossier(visits: readonly Visit[], { regime }: DossierOptions): Dossier {
  const sorted = [...visits].sort((a, b) => a.onSite.date.localeCompare(b.onSite.date));
  const newest = sorted.at(-1);
  if (newest === undefined) throw new Error('buildDossier needs at least one visit');
  const today = newest.onSite.date;
  const entries = buildInventory(sorted, today);
  const run = newestBaselineRun(sorted);
  const facts: OfficeFacts = {
    entries,
    answers: answersOf(run),
    scanned: sorted.some((v) => v.scans.length > 0),
    today,
  };
  const items = plan(regime, facts);
  const gateway = entries.find((e) => e.asset.gateway)?.asset.ip;
  return {
    regime,
    commune: newest.commune,
    office: newest.office,
    date: today,
    visits: sorted.map((v) => ({ id: v.id, date: v.onSite.date })),
    subnets: [...new Set(sorted.flatMap((v) => v.scans.flatMap((s) => s.ranges)))],
    ...(gateway === undefined ? {} : { gatewayIp: gateway }),
    assets: entries.map((e) => e.asset),
    internet: internetPath(entries),
    level: level(regime, entries),
    risks: risks(items),
    plan: items.map(({ failing: _failing, ...item }) => item),
    ...(run === undefined
      ? {}
      : {
          baselineRun: {
            runId: run.runId,
            date: run.startedAt.slice(0, 10),
            version: run.checklistVersion,
          },
        }),
  };
}
