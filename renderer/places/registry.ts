import type { ComponentType } from 'react';

import type { IconName } from '../components/icon';

import { ChecklistsPlace } from './checklists/index';
import { DiagnosePlace } from './diagnose/index';
import { ReportsPlace } from './reports/index';
import type { PlaceProps } from './types';
import { VisitPlace } from './visit/index';

export type { PlaceProps } from './types';

/** The four places of the app, in menu order. The id is the hash route and the i18n key. */
export const PLACES = [
  { id: 'diagnose', icon: 'diagnose', Component: DiagnosePlace },
  { id: 'checklists', icon: 'checklists', Component: ChecklistsPlace },
  { id: 'visit', icon: 'visit', Component: VisitPlace },
  { id: 'reports', icon: 'reports', Component: ReportsPlace },
] as const satisfies readonly {
  id: string;
  icon: IconName;
  Component: ComponentType<PlaceProps>;
}[];

export type PlaceId = (typeof PLACES)[number]['id'];
