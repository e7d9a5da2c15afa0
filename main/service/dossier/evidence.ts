/**
 * How a baseline requirement is judged from what the visit holds: every PC's newest snapshot,
 * the LAN scans' hosts, and the answers of the office's security-baseline checklist run. Each
 * judge returns a state and the evidence behind it, one line per device or answer.
 */
import type { LocalText } from '../define.js';
import { formatDate } from '../vocabulary.js';
import type { InventoryEntry } from './inventory.js';
import type { RequirementState } from './types.js';

/** What a requirement is judged on. */
export type OfficeFacts = Readonly<{
  entries: readonly InventoryEntry[];
  /** Answers of the newest security-baseline run: step id → outcome and answer. */
  answers: ReadonlyMap<string, Readonly<{ outcome: string; answer?: string; note?: string }>>;
  scanned: boolean;
  today: string;
}>;

/** A judge's verdict. */
export type Judgement = Readonly<{
  state: RequirementState;
  evidence: readonly LocalText[];
  /** The lines that fail (the risk's evidence); all of `evidence` when absent. */
  failing?: readonly LocalText[];
}>;

/** A judgement from facts. */
export type Judge = (facts: OfficeFacts) => Judgement;

const NOT_MEASURED: Judgement = { state: 'not-measured', evidence: [] };

const nameOf = (e: InventoryEntry): string =>
  e.asset.hostname ?? e.asset.ip ?? e.asset.assetTag ?? e.asset.ref;

/**
 * Per PC: `bad` gives a failing line, `good` a passing one, `undefined` means not measured there.
 * Any failing PC fails the requirement; unmeasured PCs are named so the office checks them.
 */
export function perPc(
  read: (e: InventoryEntry) => Readonly<{ ok: boolean; text: LocalText }> | undefined,
): Judge {
  return ({ entries }) => {
    const pcs = entries.filter((e) => e.snapshot !== undefined);
    const lines: { ok: boolean; text: LocalText }[] = [];
    const missing: string[] = [];
    for (const e of pcs) {
      const r = read(e);
      if (r === undefined) missing.push(nameOf(e));
      else
        lines.push({
          ok: r.ok,
          text: { vi: `${nameOf(e)}: ${r.text.vi}`, en: `${nameOf(e)}: ${r.text.en}` },
        });
    }
    if (lines.length === 0) return NOT_MEASURED;
    const failing = lines.filter((l) => !l.ok).map((l) => l.text);
    const evidence = [...failing, ...lines.filter((l) => l.ok).map((l) => l.text)];
    if (missing.length > 0)
      evidence.push({
        vi: `Chưa đo được trên: ${missing.join(', ')}.`,
        en: `Not measured on: ${missing.join(', ')}.`,
      });
    return { state: failing.length > 0 ? 'not-met' : 'met', evidence, failing };
  };
}

/** Per PC, from one check: ok passes, warn and fail fail, unknown or absent is not measured. */
export function byCheck(checkId: string, warnFails = true): Judge {
  return perPc((e) => {
    const c = e.snapshot?.checks.find((x) => x.id === checkId);
    if (c === undefined || c.status === 'unknown') return undefined;
    const ok = c.status === 'ok' || (!warnFails && c.status === 'warn');
    return { ok, text: c.detail };
  });
}

const YES = new Set(['yes', 'passed']);

/** From the checklist: `yes` (or a passed check step) meets, `no` (failed, overridden) fails. */
export function byAnswer(...stepIds: readonly string[]): Judge {
  return ({ answers }) => {
    for (const id of stepIds) {
      const a = answers.get(id);
      if (a === undefined || a.outcome === 'skipped' || a.outcome === 'pending') continue;
      const yes = YES.has(a.answer ?? '') || a.outcome === 'passed';
      const said = a.answer === undefined ? a.outcome : a.answer;
      const words = yes ? { vi: 'có', en: 'yes' } : { vi: 'không', en: 'no' };
      const note = a.note === undefined || a.note === '' ? '' : ` — ${a.note}`;
      return {
        state: yes ? 'met' : 'not-met',
        evidence: [
          {
            vi: `Cơ quan trả lời trong danh mục kiểm tra: ${words.vi} (${said})${note}.`,
            en: `The office answered in the checklist: ${words.en} (${said})${note}.`,
          },
        ],
      };
    }
    return NOT_MEASURED;
  };
}

/** The first judge that measured something, else not measured. */
export function firstOf(...judges: readonly Judge[]): Judge {
  return (facts) =>
    judges.map((j) => j(facts)).find((j) => j.state !== 'not-measured') ?? NOT_MEASURED;
}

/** Devices the scan found listening on `port` (the scanning machine itself excepted). */
export function portClosed(port: number, name: LocalText): Judge {
  return ({ entries, scanned }) => {
    if (!scanned) return NOT_MEASURED;
    const open = entries.filter((e) => !e.asset.scanner && e.asset.openPorts.includes(port));
    if (open.length === 0)
      return {
        state: 'met',
        evidence: [
          {
            vi: `Lần quét mạng không thấy thiết bị nào mở cổng ${port} (${name.vi}).`,
            en: `The LAN scan found no device with port ${port} (${name.en}) open.`,
          },
        ],
      };
    return {
      state: 'not-met',
      evidence: open.map((e) => ({
        vi: `${e.asset.ip ?? ''} (${nameOf(e)}): cổng ${port} (${name.vi}) mở cho cả mạng nội bộ.`,
        en: `${e.asset.ip ?? ''} (${nameOf(e)}): port ${port} (${name.en}) open to the whole LAN.`,
      })),
    };
  };
}

/** Windows support per PC, from the lifecycle data. */
export const osSupported: Judge = perPc((e) => {
  const { supportEnd, outOfSupport, os } = e.asset;
  if (supportEnd === undefined || outOfSupport === undefined) return undefined;
  return outOfSupport
    ? {
        ok: false,
        text: {
          vi: `${os ?? ''} hết hỗ trợ từ ${formatDate(supportEnd, 'vi')}`,
          en: `${os ?? ''} out of support since ${formatDate(supportEnd, 'en')}`,
        },
      }
    : {
        ok: true,
        text: {
          vi: `${os ?? ''} còn hỗ trợ đến ${formatDate(supportEnd, 'vi')}`,
          en: `${os ?? ''} supported until ${formatDate(supportEnd, 'en')}`,
        },
      };
});

/** The inventory is complete when every device seen is identified. */
export const inventoryComplete: Judge = ({ entries }) => {
  if (entries.length === 0) return NOT_MEASURED;
  const unknown = entries.filter((e) => !e.asset.identified);
  const counted: LocalText = {
    vi: `Danh mục lập từ đo đạc: ${entries.length} thiết bị (Phần II).`,
    en: `Inventory drafted from the measurements: ${entries.length} devices (Part II).`,
  };
  if (unknown.length === 0) return { state: 'met', evidence: [counted] };
  const failing = unknown.map((e) => ({
    vi: `${e.asset.ip ?? e.asset.ref}${e.asset.mac ? ` (${e.asset.mac})` : ''}: thiết bị chưa xác định.`,
    en: `${e.asset.ip ?? e.asset.ref}${e.asset.mac ? ` (${e.asset.mac})` : ''}: unidentified device.`,
  }));
  return { state: 'not-met', evidence: [counted, ...failing], failing };
};

/** Drafted from the scan: the network diagram of Part III. */
export const diagramDrafted: Judge = ({ scanned }) =>
  scanned
    ? {
        state: 'met',
        evidence: [
          {
            vi: 'Sơ đồ mạng vẽ từ lần quét mạng (Phần III); cơ quan kiểm tra và cập nhật hằng năm.',
            en: 'Network diagram drawn from the LAN scan (Part III); the office checks it and updates it yearly.',
          },
        ],
      }
    : NOT_MEASURED;
