import { CLASS_TERMS, STATUS_TERMS } from '../../main/service/vocabulary';
import { useLang } from '../i18n/pick';
import { Icon } from './icon';

export type Status = 'ok' | 'warn' | 'fail' | 'unknown';
export type StatusBadgeProps = Readonly<{ status: Status; affected?: boolean }>;

/**
 * A check's status as icon + word + colour (never colour alone). An `affected` check (blocked by
 * another one) reads "Bị ảnh hưởng", not as a problem of its own.
 */
export function StatusBadge({ status, affected = false }: StatusBadgeProps) {
  const lang = useLang();
  return (
    <span
      className={`status status-${affected ? 'affected' : status}`}
      data-status={affected ? 'affected' : status}
    >
      <Icon name={affected ? 'unknown' : status} size={16} />
      {affected ? CLASS_TERMS.affected[lang] : STATUS_TERMS[status][lang]}
    </span>
  );
}
