/**
 * All user-facing text in the user's language: the places rendered in Vietnamese and in
 * English, scanned for text of the other language and for raw ids (check ids, fix ids, value
 * keys, resolver codes). Only the folded "Chi tiết kỹ thuật" may hold low-level codes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { MachineSnapshot } from '../../../diagnostics/types';
import { HomeScreen } from '../../../renderer/components/home-screen';
import { initI18n, setLang } from '../../../renderer/i18n/index';
import { CheckList } from '../../../renderer/places/diagnose/check-list';
import { languageProblems, visibleTexts } from '../helpers/language-scan';

const snapshot = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/snapshots/dns-down-commune-pc.json'), 'utf8'),
) as MachineSnapshot;

beforeAll(async () => {
  (window as unknown as { xaso: unknown }).xaso = {
    cancel: () => undefined,
    visits: {
      list: async () => ({
        ok: true,
        value: [
          {
            id: 'v1',
            file: '/data/visits/v1.json',
            commune: 'Xã Mỹ Khánh',
            province: 'Cần Thơ',
            date: '2026-12-01',
            interns: ['Ánh'],
            machines: 2,
            openItems: 1,
            updatedAt: '2026-12-01T03:00:00.000Z',
          },
        ],
      }),
    },
    app: { state: async () => ({ ok: true, value: { activeVisitId: 'v1' } }) },
  };
  await initI18n();
});
afterEach(cleanup);

function scan(root: Element, lang: 'vi' | 'en'): string[] {
  // Open every fold except the technical details, so everything a user can read is scanned.
  root.querySelectorAll('details:not([data-testid="technical-details"])').forEach((d) => {
    (d as HTMLDetailsElement).open = true;
  });
  return visibleTexts(root).flatMap((text) =>
    languageProblems(text, lang).map((p) => `${p} in: ${text}`),
  );
}

describe('the scan itself', () => {
  it('catches what issue 12 found in the Vietnamese UI', () => {
    for (const text of [
      'Không kiểm tra được (chưa rõ): failed: no physical disk listed',
      'Không kiểm tra được (chưa rõ): no temperature sensor exposed by the OS',
      'Máy chủ DNS không trả lời (EAI_AGAIN).',
      'Số luồng logicalCpus: 12',
      'Mở danh mục hướng dẫn (fix-clock)',
    ])
      expect(languageProblems(text, 'vi'), text).not.toEqual([]);
    expect(languageProblems('This PC is ready: không có vấn đề', 'en')).not.toEqual([]);
  });
});

describe.each(['vi', 'en'] as const)('text in %s', (lang) => {
  it('the diagnosis of the DNS-down commune PC', async () => {
    await act(async () => {
      await setLang(lang);
    });
    const { container } = render(<CheckList checks={snapshot.checks} />);
    expect(scan(container, lang)).toEqual([]);
  });

  it('the home screen', async () => {
    await act(async () => {
      await setLang(lang);
    });
    const { container, findByTestId } = render(<HomeScreen onOpen={() => undefined} />);
    await findByTestId('home-visits');
    expect(scan(container, lang)).toEqual([]);
  });
});
