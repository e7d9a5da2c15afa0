import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { classifyCheck, findingsOf, type Finding } from '../../../diagnostics/findings';
import type { Area, CheckResult } from '../../../diagnostics/types';
import { AREA_TERMS, CLASS_TERMS, valueLabel } from '../../../main/service/vocabulary';
import { StatusBadge } from '../../components/status-badge';
import { useLang } from '../../i18n/pick';

const AREAS = Object.keys(AREA_TERMS) as Area[];

function formatValue(value: unknown, yes: string, no: string): string {
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/**
 * The measured values and the low-level reason, folded under "Chi tiết kỹ thuật"; an affected
 * check's own finding goes there too (on screen it would repeat its cause's words).
 */
function TechnicalDetails({ check, found }: Readonly<{ check: CheckResult; found?: string }>) {
  const { t } = useTranslation('diagnose');
  const lang = useLang();
  const values = Object.entries(check.values ?? {}).filter(([, v]) => v !== undefined);
  if (values.length === 0 && !check.reason && found === undefined) return null;
  return (
    <details className="check-values" data-testid="technical-details">
      <summary>{t('details')}</summary>
      <dl>
        {found !== undefined ? (
          <div className="check-value">
            <dt>{t('found')}</dt>
            <dd>{found}</dd>
          </div>
        ) : null}
        {check.reason ? (
          <div className="check-value">
            <dt>{t('reason')}</dt>
            <dd>{check.reason}</dd>
          </div>
        ) : null}
        {values.map(([key, value]) => (
          <div key={key} className="check-value">
            <dt>{valueLabel(key, lang)}</dt>
            <dd>{formatValue(value, t('yes'), t('no'))}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** Where a fix leads: that checklist's run (started or resumed), never a list or an id. */
export type FixLink = (checklistId: string) => string;
const defaultFixLink: FixLink = (id) => `#/checklists/${encodeURIComponent(id)}`;

type CheckRowProps = Readonly<{ check: CheckResult; fixLink: FixLink; children?: React.ReactNode }>;

/** One check: status (icon + word + colour), title, what was found; details and fix on demand. */
function CheckRow({ check, fixLink, children }: CheckRowProps) {
  const { t } = useTranslation('diagnose');
  const lang = useLang();
  const kind = classifyCheck(check);
  return (
    <li
      className={`check check-${check.status} check-${kind}`}
      data-testid="check"
      data-check-id={check.id}
      data-status={check.status}
      data-class={kind}
    >
      <div className="check-head">
        <StatusBadge status={check.status} affected={kind === 'affected'} />
        <strong>{check.title[lang]}</strong>
      </div>
      {kind === 'affected' ? null : <p className="check-detail">{check.detail[lang]}</p>}
      {check.fix && kind === 'problem' ? (
        <p className="check-fix">
          <span className="check-fix-label">{t('fix')}</span> {check.fix.text[lang]}
          {check.fix.checklistId ? (
            <>
              {' '}
              <a
                href={fixLink(check.fix.checklistId)}
                data-checklist-id={check.fix.checklistId}
                data-testid="fix-link"
              >
                {t('openChecklist')}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {children}
      <TechnicalDetails
        check={check}
        {...(kind === 'affected' ? { found: check.detail[lang] } : {})}
      />
    </li>
  );
}

/** One problem, with the checks it blocks folded under it as "Bị ảnh hưởng" (never counted). */
function FindingRow({ finding, fixLink }: Readonly<{ finding: Finding; fixLink: FixLink }>) {
  const { t } = useTranslation('diagnose');
  const lang = useLang();
  return (
    <CheckRow check={finding.check} fixLink={fixLink}>
      {finding.affected.length > 0 ? (
        <details className="affected" data-testid="affected">
          <summary>
            {CLASS_TERMS.affected[lang]} ({finding.affected.length}):{' '}
            {t('affectedHint', { count: finding.affected.length })}
          </summary>
          <ul className="checks">
            {finding.affected.map((c) => (
              <CheckRow key={c.id} check={c} fixLink={fixLink} />
            ))}
          </ul>
        </details>
      ) : null}
    </CheckRow>
  );
}

/** A folded group of checks that are not problems (passed, could not check, not applicable). */
function FoldedGroup({
  kind,
  checks,
  fixLink,
}: Readonly<{
  kind: 'ok' | 'unknown' | 'not-applicable';
  checks: CheckResult[];
  fixLink: FixLink;
}>) {
  const lang = useLang();
  if (checks.length === 0) return null;
  return (
    <details className="check-fold" data-testid={`fold-${kind}`}>
      <summary>
        {CLASS_TERMS[kind][lang]} ({checks.length})
      </summary>
      <ul className="checks">
        {checks.map((c) => (
          <CheckRow key={c.id} check={c} fixLink={fixLink} />
        ))}
      </ul>
    </details>
  );
}

export type CheckListProps = Readonly<{ checks: readonly CheckResult[]; fixLink?: FixLink }>;

/**
 * One cause, one finding: the problems by area, each with the checks it blocks folded under it;
 * then, folded, what could not be checked, what does not apply, and what passed. "Chỉ hiện vấn
 * đề" hides the folded groups.
 */
export function CheckList({ checks, fixLink = defaultFixLink }: CheckListProps) {
  const { t } = useTranslation('diagnose');
  const lang = useLang();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const filterId = useId();
  const findings = findingsOf(checks);
  const of = (kind: 'ok' | 'unknown' | 'not-applicable'): CheckResult[] =>
    checks.filter((c) => classifyCheck(c) === kind);
  return (
    <div className="check-groups">
      <label htmlFor={filterId} className="only-problems">
        <input
          id={filterId}
          type="checkbox"
          checked={onlyProblems}
          onChange={(e) => setOnlyProblems(e.target.checked)}
          data-testid="only-problems"
        />
        {t('onlyProblems')}
      </label>
      {findings.length === 0 ? <p className="no-problems">{t('noProblems')}</p> : null}
      {AREAS.map((area) => {
        const list = findings.filter((f) => f.check.area === area);
        if (list.length === 0) return null;
        return (
          <section
            key={area}
            aria-labelledby={`area-${area}`}
            className="check-group"
            data-testid={`area-${area}`}
          >
            <h3 id={`area-${area}`}>{AREA_TERMS[area][lang]}</h3>
            <ul className="checks">
              {list.map((f) => (
                <FindingRow key={f.check.id} finding={f} fixLink={fixLink} />
              ))}
            </ul>
          </section>
        );
      })}
      {onlyProblems ? null : (
        <>
          <FoldedGroup kind="unknown" checks={of('unknown')} fixLink={fixLink} />
          <FoldedGroup kind="not-applicable" checks={of('not-applicable')} fixLink={fixLink} />
          <FoldedGroup kind="ok" checks={of('ok')} fixLink={fixLink} />
        </>
      )}
    </div>
  );
}
