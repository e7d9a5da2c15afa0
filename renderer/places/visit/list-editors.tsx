import { useTranslation } from 'react-i18next';

import type { HelpedCategory, Visit, VisitFields } from '../../../main/service/visits/schema';
import { HELPED_TERMS } from '../../../main/service/vocabulary';
import { useLang } from '../../i18n/pick';

/** The helped categories, in the vocabulary's order. */
const HELPED_CATEGORIES = Object.keys(HELPED_TERMS) as HelpedCategory[];

type Change = (patch: Partial<VisitFields>) => void;
type Props = Readonly<{ visit: Visit; change: Change }>;

const KINDS = ['hardware', 'os', 'software', 'signature', 'network', 'printers', 'other'] as const;
const newId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((old, i) => (i === index ? item : old));
}

/** Problems found: kind and text, add and remove. */
export function ProblemsEditor({ visit, change }: Props) {
  const { t } = useTranslation('visit');
  const list = visit.problems;
  return (
    <fieldset className="visit-card" data-testid="problems">
      <legend>{t('problems.title')}</legend>
      {list.map((p, i) => (
        <div className="visit-row" key={p.id}>
          <label>
            {t('problems.kind')}
            <select
              value={p.kind}
              onChange={(e) =>
                change({
                  problems: replaceAt(list, i, {
                    ...p,
                    kind: e.target.value as (typeof KINDS)[number],
                  }),
                })
              }
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="visit-grow">
            {t('problems.text')}
            <input
              value={p.text}
              maxLength={5000}
              onChange={(e) =>
                change({ problems: replaceAt(list, i, { ...p, text: e.target.value }) })
              }
            />
          </label>
          <button
            type="button"
            onClick={() => change({ problems: list.filter((_, j) => j !== i) })}
            aria-label={`${t('remove')}: ${p.text}`}
          >
            {t('remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => change({ problems: [...list, { id: newId(), kind: 'other', text: '' }] })}
        data-testid="add-problem"
      >
        + {t('problems.add')}
      </button>
    </fieldset>
  );
}

/** What was fixed and how. */
export function FixesEditor({ visit, change }: Props) {
  const { t } = useTranslation('visit');
  const list = visit.fixes;
  return (
    <fieldset className="visit-card" data-testid="fixes">
      <legend>{t('fixes.title')}</legend>
      {list.map((f, i) => (
        <div className="visit-row" key={f.id}>
          <label className="visit-grow">
            {t('fixes.what')}
            <input
              value={f.what}
              maxLength={5000}
              onChange={(e) =>
                change({ fixes: replaceAt(list, i, { ...f, what: e.target.value }) })
              }
            />
          </label>
          <label className="visit-grow">
            {t('fixes.how')}
            <input
              value={f.how}
              maxLength={5000}
              onChange={(e) => change({ fixes: replaceAt(list, i, { ...f, how: e.target.value }) })}
            />
          </label>
          <button
            type="button"
            onClick={() => change({ fixes: list.filter((_, j) => j !== i) })}
            aria-label={`${t('remove')}: ${f.what}`}
          >
            {t('remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => change({ fixes: [...list, { id: newId(), what: '', how: '' }] })}
      >
        + {t('fixes.add')}
      </button>
    </fieldset>
  );
}

/** Open items: done checkbox, carried-over mark. */
export function OpenItemsEditor({ visit, change }: Props) {
  const { t } = useTranslation('visit');
  const list = visit.openItems;
  return (
    <fieldset className="visit-card" data-testid="open-items">
      <legend>{t('open.title')}</legend>
      {list.map((item, i) => (
        <div className="visit-row" key={item.id}>
          <label className="visit-check">
            <input
              type="checkbox"
              checked={item.done}
              onChange={(e) =>
                change({ openItems: replaceAt(list, i, { ...item, done: e.target.checked }) })
              }
            />
            {item.done ? `✔ ${t('open.done')}` : t('open.notDone')}
          </label>
          <label className="visit-grow">
            {t('open.text')}
            <input
              value={item.text}
              maxLength={5000}
              onChange={(e) =>
                change({ openItems: replaceAt(list, i, { ...item, text: e.target.value }) })
              }
            />
          </label>
          {item.carriedFrom !== undefined && (
            <span className="visit-tag" title={item.carriedFrom}>
              ↪ {t('open.carried')}
            </span>
          )}
          <button
            type="button"
            onClick={() => change({ openItems: list.filter((_, j) => j !== i) })}
            aria-label={`${t('remove')}: ${item.text}`}
          >
            {t('remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => change({ openItems: [...list, { id: newId(), text: '', done: false }] })}
        data-testid="add-open-item"
      >
        + {t('open.add')}
      </button>
    </fieldset>
  );
}

/** People helped, by role and task. */
export function PeopleEditor({ visit, change }: Props) {
  const { t } = useTranslation('visit');
  const lang = useLang();
  const list = visit.peopleHelped;
  return (
    <fieldset className="visit-card" data-testid="people">
      <legend>{t('people.title')}</legend>
      {list.map((p, i) => (
        <div className="visit-row" key={`${i}-${p.role}`}>
          <label>
            {t('people.role')}
            <select
              value={p.role}
              onChange={(e) =>
                change({
                  peopleHelped: replaceAt(list, i, {
                    ...p,
                    role: e.target.value === 'citizen' ? 'citizen' : 'official',
                  }),
                })
              }
            >
              <option value="official">{t('people.official')}</option>
              <option value="citizen">{t('people.citizen')}</option>
            </select>
          </label>
          <label>
            {t('people.category')}
            <select
              value={p.category ?? ''}
              data-testid="person-category"
              onChange={(e) => {
                const value = e.target.value as HelpedCategory | '';
                const { category: _, ...rest } = p;
                change({
                  peopleHelped: replaceAt(
                    list,
                    i,
                    value === '' ? rest : { ...rest, category: value },
                  ),
                });
              }}
            >
              <option value="">{t('people.noCategory')}</option>
              {HELPED_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {HELPED_TERMS[c][lang]}
                </option>
              ))}
            </select>
          </label>
          <label className="visit-grow">
            {t('people.task')}
            <input
              value={p.task}
              maxLength={500}
              onChange={(e) =>
                change({ peopleHelped: replaceAt(list, i, { ...p, task: e.target.value }) })
              }
            />
          </label>
          <label>
            {t('people.count')}
            <input
              type="number"
              min={0}
              max={100000}
              value={p.count}
              onChange={(e) =>
                change({
                  peopleHelped: replaceAt(list, i, {
                    ...p,
                    count: Math.max(0, Math.trunc(Number(e.target.value) || 0)),
                  }),
                })
              }
            />
          </label>
          <button
            type="button"
            onClick={() => change({ peopleHelped: list.filter((_, j) => j !== i) })}
            aria-label={`${t('remove')}: ${p.task}`}
          >
            {t('remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => change({ peopleHelped: [...list, { role: 'citizen', task: '', count: 1 }] })}
        data-testid="add-person"
      >
        + {t('people.add')}
      </button>
    </fieldset>
  );
}
