import { useTranslation } from 'react-i18next';

import { Icon } from './icon';

export type Status = 'ok' | 'warn' | 'fail' | 'unknown';
export type StatusBadgeProps = Readonly<{ status: Status }>;

/** A check's status as icon + word + colour (never colour alone). */
export function StatusBadge({ status }: StatusBadgeProps) {
  const { t } = useTranslation('app');
  return (
    <span className={`status status-${status}`} data-status={status}>
      <Icon name={status} size={16} />
      {t(`status.${status}`)}
    </span>
  );
}
