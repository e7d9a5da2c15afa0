import { useTranslation } from 'react-i18next';

import type { StepOutcome } from '../../../main/service/checklists/run-model';
import { Icon, type IconName } from '../../components/icon';

const LOOK: Record<StepOutcome, { icon: IconName; css: string }> = {
  passed: { icon: 'ok', css: 'ok' },
  answered: { icon: 'ok', css: 'ok' },
  failed: { icon: 'fail', css: 'fail' },
  overridden: { icon: 'warn', css: 'warn' },
  skipped: { icon: 'unknown', css: 'unknown' },
  pending: { icon: 'unknown', css: 'unknown' },
};

/** A step's outcome as icon + word + colour. */
export function OutcomeChip({ outcome }: Readonly<{ outcome: StepOutcome }>) {
  const { t } = useTranslation('checklists');
  const look = LOOK[outcome];
  return (
    <span className={`status status-${look.css}`} data-outcome={outcome}>
      <Icon name={look.icon} size={14} />
      {t(`wizard.${outcome}`)}
    </span>
  );
}
