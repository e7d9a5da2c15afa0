import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ConflictsPanel } from './conflicts-panel';
import { DeskPanel } from './desk-panel';
import { ImportPanel } from './import-panel';
import { InboxList } from './inbox-list';
import { KeysPanel } from './keys-panel';
import { VisitView } from './visit-view';
import './reports.css';

/** The Reports place: the supervisor's desk (import, conflicts, figures, visits, keys). */
export function ReportsPlace() {
  const { t } = useTranslation('reports');
  const [version, setVersion] = useState(0);
  const [open, setOpen] = useState<string>();
  const changed = () => setVersion((n) => n + 1);
  return (
    <section className="rp" aria-labelledby="reports-title" data-testid="reports-place">
      <h1 id="reports-title">{t('title')}</h1>
      <p className="rp-muted">{t('intro')}</p>
      <ImportPanel onImported={changed} />
      <ConflictsPanel version={version} onDecided={changed} />
      {open !== undefined && <VisitView visitId={open} onClose={() => setOpen(undefined)} />}
      <DeskPanel version={version} onOpen={setOpen} />
      <InboxList version={version} onOpen={setOpen} />
      <KeysPanel version={version} onChanged={changed} />
    </section>
  );
}
