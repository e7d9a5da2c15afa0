import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { AggregatePanel } from './aggregate-panel';
import { ImportPanel } from './import-panel';
import { InboxList } from './inbox-list';
import { KeysPanel } from './keys-panel';
import './reports.css';

/** The Reports place: the supervisor's inbox (import, verdicts, keys) and the totals. */
export function ReportsPlace() {
  const { t } = useTranslation('reports');
  const [version, setVersion] = useState(0);
  return (
    <section className="rp" aria-labelledby="reports-title" data-testid="reports-place">
      <h1 id="reports-title">{t('title')}</h1>
      <p className="rp-muted">{t('intro')}</p>
      <ImportPanel onImported={() => setVersion((n) => n + 1)} />
      <AggregatePanel version={version} />
      <InboxList version={version} />
      <KeysPanel version={version} />
    </section>
  );
}
