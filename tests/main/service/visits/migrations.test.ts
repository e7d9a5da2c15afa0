import { describe, expect, it } from 'vitest';

import { visitFileSchema } from '../../../../main/service/visits/migrations.js';
import { isCalendarDate, VISIT_SCHEMA_VERSION } from '../../../../main/service/visits/schema.js';
import { sampleVisit } from '../../../fixtures/visits/sample.js';

describe('visit file migrations', () => {
  it('reads a version-1 file as the current version, data unchanged', () => {
    const v1 = { ...structuredClone(sampleVisit()), version: 1 };
    const read = visitFileSchema.safeParse(v1);
    expect(read.success).toBe(true);
    expect(read.data?.version).toBe(VISIT_SCHEMA_VERSION);
    expect(read.data?.peopleHelped).toEqual(v1.peopleHelped);
  });

  it('refuses a date that is not on the calendar', () => {
    expect(['2026-12-01', '2028-02-29'].map(isCalendarDate)).toEqual([true, true]);
    expect(['2026-13-45', '2026-02-29', '2026-04-31', '01/12/2026'].map(isCalendarDate)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    const bad = { ...structuredClone(sampleVisit()), onSite: { date: '2026-13-45' } };
    expect(visitFileSchema.safeParse(bad).success).toBe(false);
  });
});
