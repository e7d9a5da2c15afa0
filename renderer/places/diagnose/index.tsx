import { ComingSoon } from '../../components/coming-soon';

/** Placeholder until this place is built: says so, pretends nothing. */
export function DiagnosePlace() {
  return <ComingSoon place="diagnose" />;
}
