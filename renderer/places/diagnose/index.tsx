import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { MachinePanel } from './machine-panel';
import { NetworkPanel, PrintersPanel, ScanPanel } from './network/index';
import './diagnose.css';

const TABS = [
  { id: 'machine', Panel: MachinePanel },
  { id: 'network', Panel: NetworkPanel },
  { id: 'printers', Panel: PrintersPanel },
  { id: 'scan', Panel: ScanPanel },
] as const;

type TabId = (typeof TABS)[number]['id'];

/** The Diagnose place: this PC (health, software, signing) and the network/printer/LAN tabs. */
export function DiagnosePlace() {
  const { t } = useTranslation('diagnose');
  const [tab, setTab] = useState<TabId>('machine');
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const index = TABS.findIndex((x) => x.id === tab);
    const next =
      e.key === 'ArrowRight'
        ? index + 1
        : e.key === 'ArrowLeft'
          ? index - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : undefined;
    if (next === undefined) return;
    e.preventDefault();
    const target = TABS[(next + TABS.length) % TABS.length]!;
    setTab(target.id);
    refs.current[target.id]?.focus();
  };
  return (
    <section className="diagnose" aria-labelledby="diagnose-title">
      <h1 id="diagnose-title">{t('title')}</h1>
      <div role="tablist" aria-label={t('tabs.label')} className="diagnose-tabs" onKeyDown={onKey}>
        {TABS.map(({ id }) => (
          <button
            key={id}
            ref={(el) => {
              refs.current[id] = el;
            }}
            type="button"
            role="tab"
            id={`diagnose-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`diagnose-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
            data-testid={`diagnose-tab-${id}`}
          >
            {t(`tabs.${id}`)}
          </button>
        ))}
      </div>
      {TABS.map(({ id, Panel }) => (
        <div
          key={id}
          role="tabpanel"
          id={`diagnose-panel-${id}`}
          aria-labelledby={`diagnose-tab-${id}`}
          hidden={tab !== id}
        >
          {tab === id || id === 'machine' ? <Panel /> : null}
        </div>
      ))}
    </section>
  );
}
