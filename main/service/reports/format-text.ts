/**
 * The short summary pasted into the supervisors' Zalo group: plain text, a few lines, no
 * markup (Zalo shows text as is), control and bidi characters neutralised.
 */
import { displayText as d } from './text-safety.js';
import { summaryLine, type ReportModel } from './model.js';

/** Renders the Zalo summary. */
export function renderText(model: ReportModel): string {
  const { visit, L } = model;
  const lines = [
    `📋 ${L.title}`,
    `${L.commune}: ${d(visit.commune.name, 200)} – ${d(visit.commune.province, 200)}`,
    `${L.date}: ${visit.onSite.date}${model.time ? ` (${model.time})` : ''}`,
    `${L.interns}: ${model.interns.map((name) => d(name, 200)).join(', ') || '—'}`,
    summaryLine(model),
  ];
  const urgent = model.findings.filter((f) => f.status === 'fail').slice(0, 5);
  if (urgent.length > 0) {
    lines.push(`${L.status_fail}:`);
    for (const f of urgent) lines.push(`• ${d(f.machine, 100)}: ${d(f.title, 200)}`);
  }
  const open = visit.openItems.filter((item) => !item.done).slice(0, 5);
  if (open.length > 0) {
    lines.push(`${L.openItems}:`);
    for (const item of open) lines.push(`• ${d(item.text, 300)}`);
  }
  return `${lines.join('\n')}\n`;
}
