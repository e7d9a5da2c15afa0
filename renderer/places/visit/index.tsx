import { ComingSoon } from '../../components/coming-soon';

/** Placeholder until this place is built: says so, pretends nothing. */
export function VisitPlace() {
  return <ComingSoon place="visit" />;
}
