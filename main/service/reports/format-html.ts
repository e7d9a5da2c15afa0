/**
 * A self-contained HTML report: one file, inline CSS, no scripts (a CSP forbids them anyway),
 * images only as PNG/JPEG data URLs, every text escaped and isolated with `<bdi>` so hostile
 * names neither run nor reorder the page.
 */
import { escapeHtml as e, safeImageDataUrl } from './text-safety.js';
import { PROBLEM_KIND_TERMS, RUN_STATUS_TERMS, formatDate } from '../vocabulary.js';
import { findingStatus } from './format-csv.js';
import { statusWord, summaryLine, type MachineRow, type ReportModel } from './model.js';
import { localDateTime } from './runs.js';

const CSS = `body{font-family:"Be Vietnam Pro","Segoe UI",Arial,sans-serif;margin:2rem auto;max-width:60rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:1px solid #bbb;margin-top:2rem}h3{font-size:1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0;table-layout:fixed}td,th{border:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#eee}.s-ok{color:#0a6b2d}.s-warn{color:#8a5a00}.s-fail{color:#b00020}.s-unknown{color:#555}
dl{display:grid;grid-template-columns:12rem 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
img{max-width:16rem;max-height:12rem;border:1px solid #ccc}@media print{body{margin:0}}`;

const ICON: Readonly<Record<string, string>> = { ok: '✔', warn: '⚠', fail: '✖', unknown: '?' };

function status(model: ReportModel, s: string): string {
  return `<span class="s-${e(s)}">${ICON[s] ?? ''} ${e(statusWord(model.L, s))}</span>`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const th = head.map((h) => `<th>${e(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

const b = (text: string | undefined, max?: number) => `<bdi>${e(text, max)}</bdi>`;

function machineSection(model: ReportModel, m: MachineRow): string {
  const { L } = model;
  const changes =
    m.changes === undefined
      ? `<p>${e(L.newMachine)}</p>`
      : m.changes.length === 0
        ? ''
        : `<p><strong>${e(L.changes)}:</strong></p><ul>${m.changes.map((c) => `<li>${b(c)}</li>`).join('')}</ul>`;
  const rows = [...m.findings, ...m.unknown].map((f) => [
    f.causedBy === undefined ? status(model, f.status) : e(findingStatus(model, f)),
    b(f.title, 300),
    b(f.detail),
    b(f.fix),
  ]);
  const findings =
    rows.length === 0
      ? `<p>${e(L.noFindings)}</p>`
      : table([L.status, L.check, L.detail, L.fix], rows);
  return `<h3>${b(m.hostname, 200)} — ${b(m.model, 200)} ${b(m.os, 200)}</h3>${changes}${findings}`;
}

function checklistSection(model: ReportModel): string {
  const { L, lang } = model;
  return (
    model.visit.checklists
      .map((run) => {
        const rows = run.steps.map((s) => [
          b(s.title[lang], 300),
          e(L[`outcome_${s.outcome}` as keyof typeof L] ?? s.outcome),
          b([s.answer, s.note, s.overrideReason].filter(Boolean).join(' — ')),
          (s.evidence ?? [])
            .map((ev) => {
              const src = safeImageDataUrl(ev.dataUrl);
              return src ? `<img src="${src}" alt="${e(ev.name, 200)}">` : b(ev.name, 200);
            })
            .join(' '),
        ]);
        const sig = run.signOff;
        const sigSrc = safeImageDataUrl(sig?.signaturePng);
        const signed =
          sig === undefined
            ? ''
            : `<p>${e(L.signedBy)}: ${b(sig.name, 200)}, ${b(sig.position, 200)} (${e(localDateTime(sig.signedAt, lang))})${sigSrc ? `<br><img src="${sigSrc}" alt="${e(L.signedBy)}">` : ''}</p>`;
        return `<h3>${b(run.title[lang], 300)} — ${e(RUN_STATUS_TERMS[run.status][lang])}</h3>${table([L.step, L.outcome, L.detail, L.evidence], rows)}${signed}`;
      })
      .join('\n') || `<p>${e(L.none)}</p>`
  );
}

/** Renders the HTML report. */
export function renderHtml(model: ReportModel): string {
  const { L, visit } = model;
  const facts: Array<[string, string]> = [
    [L.commune, visit.commune.name],
    [L.province, visit.commune.province],
    [L.office, visit.office],
    [L.date, formatDate(visit.onSite.date, model.lang)],
    [L.time, model.time],
    [L.interns, model.interns.join(', ')],
    [L.contact, model.contact],
    [
      L.timeSpent,
      visit.timeSpentMinutes === undefined ? '' : `${visit.timeSpentMinutes} ${L.minutes}`,
    ],
  ];
  const machinesTable = table(
    [L.hostname, L.model, L.os, L.result],
    model.machines.map((m) => [
      b(m.hostname, 200),
      b(m.model, 200),
      b(m.os, 200),
      status(model, m.verdict),
    ]),
  );
  const open = visit.openItems.map((i) => [
    b(i.text),
    e(i.done ? L.done : L.open),
    b(i.owner, 200),
    e(i.due === undefined ? '' : formatDate(i.due, model.lang)),
    e(i.carriedFrom ? L.carried : ''),
  ]);
  const photos = visit.photos
    .map((p) => {
      const src = safeImageDataUrl(p.dataUrl);
      return src
        ? `<figure><img src="${src}" alt="${e(p.name, 200)}"><figcaption>${b(p.caption ?? p.name, 500)}</figcaption></figure>`
        : '';
    })
    .join('');
  return `<!doctype html>
<html lang="${model.lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(L.title)} — ${e(visit.commune.name, 200)}</title><style>${CSS}</style></head>
<body><h1>${e(L.title)}</h1>
<dl>${facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${b(v, 1000)}</dd>`).join('')}</dl>
<h2>${e(L.summary)}</h2><p>${e(summaryLine(model))}</p>
<h2>${e(L.machines)}</h2>${machinesTable}
<h2>${e(L.findings)}</h2>${model.machines.map((m) => machineSection(model, m)).join('\n')}
<h2>${e(L.problems)}</h2>${table(
    [L.area, L.item],
    visit.problems.map((p) => [e(PROBLEM_KIND_TERMS[p.kind][model.lang]), b(p.text)]),
  )}
<h2>${e(L.fixes)}</h2>${table(
    [L.what, L.how],
    visit.fixes.map((f) => [b(f.what), b(f.how)]),
  )}
<h2>${e(L.openItems)}</h2>${table([L.item, L.status, L.owner, L.due, L.carried], open)}
<h2>${e(L.people)}</h2>${table(
    [L.task, L.role, L.count],
    visit.peopleHelped.map((p) => [
      b(p.task),
      e(p.role === 'official' ? L.official : L.citizen),
      e(String(p.count)),
    ]),
  )}
<h2>${e(L.checklists)}</h2>${checklistSection(model)}
${photos ? `<h2>${e(L.photos)}</h2>${photos}` : ''}
${visit.notes ? `<h2>${e(L.notes)}</h2><p style="white-space:pre-wrap">${b(visit.notes, 20000)}</p>` : ''}
<footer><p>${e(L.generated)} · ${e(visit.id)}</p></footer></body></html>
`;
}
