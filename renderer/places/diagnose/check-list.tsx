import { useTranslation } from 'react-i18next';

import type { Area, CheckResult, CheckStatus } from '../../../diagnostics/types';
import { StatusBadge } from '../../components/status-badge';
import { pick } from '../../i18n/pick';

const AREAS: readonly Area[] = ['hardware', 'os', 'software', 'signature', 'network', 'printers'];
const RANK: Readonly<Record<CheckStatus, number>> = { fail: 0, warn: 1, unknown: 2, ok: 3 };

function formatValue(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

type CheckRowProps = Readonly<{ check: CheckResult }>;

/** One check: status (icon + word + colour), title, what was found; details and fix on demand. */
function CheckRow({ check }: CheckRowProps) {
  const { t, i18n } = useTranslation('diagnose');
  const lang = i18n.language;
  const values = Object.entries(check.values ?? {});
  return (
    <li
      className={`check check-${check.status}`}
      data-testid="check"
      data-check-id={check.id}
      data-status={check.status}
    >
      <div className="check-head">
        <StatusBadge status={check.status} />
        <strong>{pick(check.title, lang)}</strong>
      </div>
      <p className="check-detail">{pick(check.detail, lang)}</p>
      {check.fix && check.status !== 'ok' ? (
        <p className="check-fix">
          <span className="check-fix-label">{t('fix')}</span> {pick(check.fix.text, lang)}
          {check.fix.checklistId ? (
            <>
              {' '}
              <a
                href={`#/checklists/${encodeURIComponent(check.fix.checklistId)}`}
                data-checklist-id={check.fix.checklistId}
              >
                {t('openChecklist', { id: check.fix.checklistId })}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {values.length > 0 || check.reason ? (
        <details className="check-values">
          <summary>{t('details')}</summary>
          <dl>
            {check.reason ? (
              <>
                <dt>{t('reason')}</dt>
                <dd>{check.reason}</dd>
              </>
            ) : null}
            {values.map(([key, value]) => (
              <div key={key} className="check-value">
                <dt>{key}</dt>
                <dd>{formatValue(value)}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </li>
  );
}

export type CheckListProps = Readonly<{ checks: readonly CheckResult[] }>;

/** Checks grouped by area, problems first within each area. */
export function CheckList({ checks }: CheckListProps) {
  const { t } = useTranslation('diagnose');
  return (
    <div className="check-groups">
      {AREAS.map((area) => {
        const list = checks
          .filter((c) => c.area === area)
          .sort((a, b) => RANK[a.status] - RANK[b.status]);
        if (list.length === 0) return null;
        return (
          <section
            key={area}
            aria-labelledby={`area-${area}`}
            className="check-group"
            data-testid={`area-${area}`}
          >
            <h3 id={`area-${area}`}>{t(`area.${area}`)}</h3>
            <ul className="checks">
              {list.map((check) => (
                <CheckRow key={check.id} check={check} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
