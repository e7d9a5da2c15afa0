import { useTranslation } from 'react-i18next';

import { tallyChecks } from '../../../diagnostics/findings';
import type { CheckResult } from '../../../diagnostics/types';
import type { Visit, VisitFields } from '../../../main/service/visits/schema';
import { formatDate } from '../../../main/service/vocabulary';
import { StatusBadge } from '../../components/status-badge';
import { CheckList } from '../diagnose/check-list';
import { useLang } from '../../i18n/pick';
import { readFile } from './download';
import { AttachPanel } from './attach-panel';
import { ExportPanel } from './export-panel';
import { DossierButton } from './dossier-button';

import { SendQueuePanel } from './send-queue';
import { FixesEditor, OpenItemsEditor, PeopleEditor, ProblemsEditor } from './list-editors';
import { useVisit, type SaveState } from './use-visit';

type Change = (patch: Partial<VisitFields>) => void;

function SaveStatus({ save }: Readonly<{ save: SaveState }>) {
  const { t } = useTranslation('visit');
  const text =
    save.kind === 'saving'
      ? `… ${t('save.saving')}`
      : save.kind === 'saved'
        ? `✔ ${t('save.saved', { at: save.at })}`
        : save.kind === 'error'
          ? `✖ ${t('save.error', { message: save.message })}`
          : t('save.auto');
  return (
    <p
      role="status"
      aria-live="polite"
      className={`visit-save visit-save-${save.kind}`}
      data-testid="save-status"
    >
      {text}
    </p>
  );
}

function Facts({ visit, change }: Readonly<{ visit: Visit; change: Change }>) {
  const { t } = useTranslation('visit');
  const contact = visit.contact ?? { name: '' };
  const setContact = (patch: Partial<NonNullable<Visit['contact']>>) =>
    change({ contact: { ...contact, ...patch } });
  return (
    <fieldset className="visit-card visit-grid">
      <legend>{t('facts')}</legend>
      <label>
        {t('fields.commune')}
        <input
          value={visit.commune.name}
          required
          maxLength={200}
          onChange={(e) => change({ commune: { ...visit.commune, name: e.target.value } })}
          data-testid="field-commune"
        />
      </label>
      <label>
        {t('fields.province')}
        <input
          value={visit.commune.province}
          required
          maxLength={200}
          onChange={(e) => change({ commune: { ...visit.commune, province: e.target.value } })}
        />
      </label>
      <label>
        {t('fields.office')}
        <input
          value={visit.office}
          maxLength={300}
          onChange={(e) => change({ office: e.target.value })}
          data-testid="field-office"
        />
      </label>
      <label>
        {t('fields.date')}
        <input
          type="date"
          value={visit.onSite.date}
          onChange={(e) =>
            e.target.value && change({ onSite: { ...visit.onSite, date: e.target.value } })
          }
        />
      </label>
      <label>
        {t('fields.arrivedAt')}
        <input
          type="time"
          value={visit.onSite.arrivedAt ?? ''}
          onChange={(e) =>
            e.target.value && change({ onSite: { ...visit.onSite, arrivedAt: e.target.value } })
          }
        />
      </label>
      <label>
        {t('fields.leftAt')}
        <input
          type="time"
          value={visit.onSite.leftAt ?? ''}
          onChange={(e) =>
            e.target.value && change({ onSite: { ...visit.onSite, leftAt: e.target.value } })
          }
        />
      </label>
      <label className="visit-wide">
        {t('fields.interns')}
        <input
          defaultValue={visit.interns.map((i) => i.name).join(', ')}
          onBlur={(e) =>
            change({
              interns: e.target.value
                .split(/[,;]/)
                .map((s) => s.trim())
                .filter(Boolean)
                .map((name) => ({ name })),
            })
          }
        />
      </label>
      <label>
        {t('fields.contactName')}
        <input
          value={contact.name}
          maxLength={200}
          onChange={(e) => setContact({ name: e.target.value })}
        />
      </label>
      <label>
        {t('fields.contactPosition')}
        <input
          value={contact.position ?? ''}
          maxLength={200}
          onChange={(e) => setContact({ position: e.target.value })}
        />
      </label>
      <label>
        {t('fields.contactPhone')}
        <input
          type="tel"
          value={contact.phone ?? ''}
          maxLength={50}
          onChange={(e) => setContact({ phone: e.target.value })}
        />
      </label>
      <label>
        {t('fields.timeSpent')}
        <input
          type="number"
          min={0}
          value={visit.timeSpentMinutes ?? ''}
          onChange={(e) =>
            change({ timeSpentMinutes: Math.max(0, Math.trunc(Number(e.target.value) || 0)) })
          }
        />
      </label>
      <label className="visit-wide">
        {t('fields.notes')}
        <textarea
          value={visit.notes ?? ''}
          maxLength={20000}
          rows={3}
          onChange={(e) => change({ notes: e.target.value })}
        />
      </label>
    </fieldset>
  );
}

/** The office's asset tag first, then the host name (the tag is what the exports name). */
function machineName(m: Visit['machines'][number]): string {
  const tag = m.assetTag ?? m.snapshot.machine.assetTag;
  const host = m.snapshot.machine.hostname;
  return tag === undefined || tag === '' ? host : `${tag} (${host})`;
}

function Machines({ visit }: Readonly<{ visit: Visit }>) {
  const { t } = useTranslation('visit');
  const lang = useLang();
  return (
    <section className="visit-card" aria-labelledby="machines-title" data-testid="machines">
      <h2 id="machines-title">{t('machines.title', { count: visit.machines.length })}</h2>
      {visit.machines.length === 0 && <p className="visit-muted">{t('machines.empty')}</p>}
      <ul className="visit-items">
        {visit.machines.map((m) => {
          // Recounted from the checks: one cause, one finding (old snapshots count wrong).
          const s = tallyChecks(m.snapshot.checks as readonly CheckResult[]);
          const worst = s.fail > 0 ? 'fail' : s.warn > 0 ? 'warn' : 'ok';
          return (
            <li key={m.snapshot.machine.fingerprint}>
              <StatusBadge status={worst} /> <strong>{machineName(m)}</strong> · {m.snapshot.osName}{' '}
              · {t('machines.counts', s)}
              <details className="visit-machine-checks">
                <summary data-testid="machine-checks">{t('machines.showChecks')}</summary>
                <CheckList checks={m.snapshot.checks as readonly CheckResult[]} />
              </details>
              <div className="visit-muted">
                {m.changes === undefined
                  ? t('machines.new')
                  : t('machines.changes', {
                      count: m.changes.checks.length,
                      date: formatDate(m.changes.previousVisitDate, lang),
                    })}
              </div>
            </li>
          );
        })}
      </ul>
      <h3>{t('checklists.title', { count: visit.checklists.length })}</h3>
      <ul className="visit-items">
        {visit.checklists.map((run) => (
          <li key={run.runId}>
            {run.title[lang]} — {t(`checklists.${run.status}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Photos({ visit, change }: Readonly<{ visit: Visit; change: Change }>) {
  const { t } = useTranslation('visit');
  const add = async (files: FileList | null) => {
    const picked = [...(files ?? [])].filter(
      (f) => /^image\/(png|jpeg)$/.test(f.type) && f.size <= 3_000_000,
    );
    const added = await Promise.all(
      picked.map(async (f) => ({
        id: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
        name: f.name.slice(0, 300),
        dataUrl: await readFile(f, 'dataUrl'),
      })),
    );
    change({ photos: [...visit.photos, ...added] });
  };
  return (
    <fieldset className="visit-card">
      <legend>{t('photos.title')}</legend>
      <div className="visit-photos">
        {visit.photos.map((p) => (
          <figure key={p.id}>
            <img src={p.dataUrl} alt={p.caption ?? p.name} />
            <figcaption>
              {p.name}{' '}
              <button
                type="button"
                onClick={() => change({ photos: visit.photos.filter((x) => x.id !== p.id) })}
                aria-label={`${t('remove')}: ${p.name}`}
              >
                {t('remove')}
              </button>
            </figcaption>
          </figure>
        ))}
      </div>
      <label>
        {t('photos.add')}
        <input
          type="file"
          accept="image/png,image/jpeg"
          multiple
          onChange={(e) => void add(e.target.files)}
        />
      </label>
    </fieldset>
  );
}

/** One visit: facts, machines and checklists, lists, photos, exports. Auto-saved. */
export function VisitEditor({ file, onClose }: Readonly<{ file: string; onClose: () => void }>) {
  const { t } = useTranslation('visit');
  const { view, error, save, change, flush, reload } = useVisit(file);
  if (error !== undefined)
    return (
      <p role="alert" className="visit-error">
        ✖ {error}{' '}
        <button type="button" onClick={onClose}>
          {t('back')}
        </button>
      </p>
    );
  if (view === undefined) return <p aria-busy="true">{t('loading')}</p>;
  const { visit } = view;
  return (
    <section className="visit" aria-labelledby="visit-title" data-testid="visit-editor">
      <button type="button" onClick={() => void flush().then(onClose)}>
        ← {t('back')}
      </button>
      <h1 id="visit-title">
        {visit.commune.name} — {visit.commune.province}
      </h1>
      <SaveStatus save={save} />
      {view.recoveredFrom !== undefined && (
        <p role="alert" className="visit-warn">
          ⚠ {t('recovered', { problem: view.recoveredFrom })}
        </p>
      )}
      {/* No internal file path here: the data folder is named only in "about" (the footer). */}
      <Facts visit={visit} change={change} />
      <Machines visit={visit} />
      <AttachPanel file={view.file} onAttached={() => void flush().then(reload)} />
      <ProblemsEditor visit={visit} change={change} />
      <FixesEditor visit={visit} change={change} />
      <OpenItemsEditor visit={visit} change={change} />
      <PeopleEditor visit={visit} change={change} />
      <Photos visit={visit} change={change} />
      <ExportPanel file={view.file} beforeExport={flush} />
      <DossierButton file={view.file} beforeExport={flush} />

      <SendQueuePanel file={view.file} beforeSend={flush} />
    </section>
  );
}
