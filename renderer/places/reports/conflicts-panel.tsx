import { useTranslation } from 'react-i18next';

import type { Conflict } from '../../../main/service/inbox/contract';
import { useApi } from '../../api/index';
import { useLoad } from '../../hooks/use-call';
import { formatDay } from './format';
import { langOf } from '../../i18n/pick';

/** Files held apart (same visit id, another sealing key), for the supervisor to decide. */
export function ConflictsPanel({
  version,
  onDecided,
}: Readonly<{ version: number; onDecided: () => void }>) {
  const { t, i18n } = useTranslation('reports');
  const lang = langOf(i18n.language);
  const api = useApi();
  const { state, reload } = useLoad<Conflict[]>(() => api.inbox.conflicts({}), [api, version]);
  const list = state.value ?? [];
  if (list.length === 0) return null;
  const open = list.filter((c) => c.status === 'open');
  const decide = async (id: number, keep: 'existing' | 'incoming') => {
    await api.inbox['resolve-conflict']({ id, keep });
    reload();
    onDecided();
  };
  const who = (name: string | undefined, keyId: string) =>
    `${name ?? t('conflicts.unknown')} (${keyId})`;
  return (
    <section
      className="rp-card rp-conflicts"
      aria-labelledby="conflicts-title"
      data-testid="conflicts"
    >
      <h2 id="conflicts-title">{t('conflicts.title', { count: open.length })}</h2>
      <p className="rp-muted">{t('conflicts.explain')}</p>
      <table className="rp-table">
        <thead>
          <tr>
            <th scope="col">{t('conflicts.visit')}</th>
            <th scope="col">{t('conflicts.kept')}</th>
            <th scope="col">{t('conflicts.held')}</th>
            <th scope="col">{t('conflicts.decided')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                {c.commune} · {formatDay(c.date, lang)}
              </th>
              <td>{who(c.keptSigner, c.keptKeyId)}</td>
              <td>
                {who(c.heldSigner, c.heldKeyId)} · {c.fileName}
              </td>
              <td className="rp-actions">
                {c.status === 'open' ? (
                  <>
                    <button type="button" onClick={() => void decide(c.id, 'existing')}>
                      {t('conflicts.keepExisting')}
                    </button>
                    <button type="button" onClick={() => void decide(c.id, 'incoming')}>
                      {t('conflicts.keepIncoming')}
                    </button>
                  </>
                ) : c.status === 'kept-existing' ? (
                  t('conflicts.keptExisting')
                ) : (
                  t('conflicts.keptIncoming')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
