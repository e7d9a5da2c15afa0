/**
 * The short summary pasted into the supervisors' Zalo group: plain text (Zalo shows text as is),
 * control and bidi characters neutralised, and never longer than one Zalo message. Every count,
 * the top problems by cause ("…và N lỗi khác" for the rest), the problems the interns typed and
 * the open items; when the message would be too long, fewer items and shorter lines are listed,
 * the counts always stay.
 */
import { PROBLEM_KIND_TERMS, formatDate } from '../vocabulary.js';
import { summaryLine, type ReportModel } from './model.js';
import { displayText as d } from './text-safety.js';

/**
 * Longest text sent as one Zalo message, in UTF-16 code units (what `String.length` counts, never
 * fewer than the characters a user sees). Zalo's API chunks text at 2,000 characters, as the
 * OpenClaw Zalo channel documents ("Outbound text is chunked to 2000 characters (Zalo API
 * limit)", docs.openclaw.ai/channels/zalo); Zalo itself publishes no figure we could find, so
 * this is the conservative bound.
 */
export const ZALO_MESSAGE_LIMIT = 2000;

type Budget = Readonly<{ items: number; line: number }>;

function more(model: ReportModel, n: number, word: Readonly<{ vi: string; en: string }>): string {
  return model.L.andMore.replace('{n}', String(n)).replace('{what}', word[model.lang]);
}

function section<T>(
  model: ReportModel,
  head: string,
  items: readonly T[],
  line: (item: T) => string,
  budget: Budget,
  word: Readonly<{ vi: string; en: string }>,
): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, budget.items).map((item) => `• ${d(line(item), budget.line)}`);
  const rest = items.length - shown.length;
  return [`${head}:`, ...shown, ...(rest > 0 ? [`…${more(model, rest, word)}`] : [])];
}

function compose(model: ReportModel, budget: Budget): string {
  const { visit, L, lang } = model;
  const w = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  const causes = section(
    model,
    w('Vấn đề chính', 'Top problems'),
    model.causes,
    (c) =>
      `${c.title} — ${c.machines.length} ${w('máy', c.machines.length === 1 ? 'machine' : 'machines')} (${c.machines
        .slice(0, 3)
        .map((m) => m.hostname)
        .join(', ')}${c.machines.length > 3 ? ', …' : ''})`,
    budget,
    { vi: 'lỗi', en: 'problems' },
  );
  const typed = section(
    model,
    L.problems,
    visit.problems,
    (p) => `${PROBLEM_KIND_TERMS[p.kind][lang]}: ${p.text}`,
    { ...budget, items: Math.min(budget.items, 3) },
    { vi: 'vấn đề', en: 'problems' },
  );
  const open = section(
    model,
    L.openItems,
    visit.openItems.filter((i) => !i.done),
    (i) =>
      [i.text, i.owner, i.due === undefined ? undefined : `${L.due} ${formatDate(i.due, lang)}`]
        .filter(Boolean)
        .join(' — '),
    { ...budget, items: Math.min(budget.items, 3) },
    { vi: 'việc', en: 'items' },
  );
  const lines = [
    `📋 ${L.title}`,
    `${d(visit.commune.name, 120)} – ${d(visit.commune.province, 120)}, ${formatDate(visit.onSite.date, lang)}${model.time ? ` (${model.time})` : ''}`,
    `${L.interns}: ${model.interns.map((name) => d(name, 120)).join(', ') || '—'}`,
    summaryLine(model),
    ...causes,
    ...typed,
    ...open,
  ];
  return `${lines.join('\n')}\n`;
}

const BUDGETS: readonly Budget[] = [
  { items: 5, line: 200 },
  { items: 5, line: 120 },
  { items: 3, line: 100 },
  { items: 2, line: 80 },
  { items: 1, line: 60 },
  { items: 0, line: 60 },
];

/** Renders the Zalo summary (at most {@link ZALO_MESSAGE_LIMIT} code units). */
export function renderText(model: ReportModel): string {
  for (const budget of BUDGETS) {
    const text = compose(model, budget);
    if (text.length <= ZALO_MESSAGE_LIMIT) return text;
  }
  return `${d(compose(model, BUDGETS.at(-1)!), ZALO_MESSAGE_LIMIT - 2)}\n`;
}
