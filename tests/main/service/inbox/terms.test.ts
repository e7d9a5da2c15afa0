/**
 * The desk's words in the renderer's catalogue (`reports.json` → `terms`) are the one
 * vocabulary's (`main/service/vocabulary.ts`) and the desk's (`inbox/terms.ts`), word for word:
 * the renderer may not import the service's values, so the catalogue carries a copy this test
 * keeps from drifting.
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { INDICATOR_TERMS, areaTerm } from '../../../../main/service/inbox/terms.js';
import { AREA_TERMS, HELPED_TERMS, ROLE_TERMS } from '../../../../main/service/vocabulary.js';

const pick = (terms: Readonly<Record<string, { vi: string; en: string }>>, lang: 'vi' | 'en') =>
  Object.fromEntries(Object.entries(terms).map(([k, v]) => [k, v[lang]]));

describe.each(['vi', 'en'] as const)('catalogue terms (%s)', (lang) => {
  it('are the vocabulary, word for word', () => {
    const catalogue = JSON.parse(
      readFileSync(`renderer/i18n/locales/${lang}/reports.json`, 'utf8'),
    ) as { terms: Record<string, unknown> };
    expect(catalogue.terms).toEqual({
      helped: pick(HELPED_TERMS, lang),
      role: pick(ROLE_TERMS, lang),
      area: { ...pick(AREA_TERMS, lang), other: areaTerm('other')[lang] },
      indicator: pick(INDICATOR_TERMS, lang),
    });
  });
});
