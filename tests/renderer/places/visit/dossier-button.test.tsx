import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { DossierExportResult } from '../../../../main/service/dossier/contract';
import { initI18n, setLang } from '../../../../renderer/i18n/index';
import { DossierButton } from '../../../../renderer/places/visit/dossier-button';

// The dossier panel of a visit against a fake Electron bridge: the chosen regime is sent, the
// diagram is shown in place, the counts are said in words, a failure says why.
const requests: unknown[] = [];
let answer: (request: { format: string }) => unknown;
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>';

const result = (format: DossierExportResult['format']): DossierExportResult => ({
  format,
  fileName: `ho-so-cap-do-xa.${format}`,
  mime: 'image/svg+xml',
  bytes: SVG.length,
  sha256: '0'.repeat(64),
  contentBase64: btoa(SVG),
  counts: { assets: 6, unidentified: 1, risks: 4, notMet: 5, notMeasured: 9 },
});

beforeAll(async () => {
  (window as unknown as { xaso: unknown }).xaso = {
    dossier: {
      export: (request: { format: string }) => {
        requests.push(request);
        return Promise.resolve(answer(request));
      },
    },
    cancel: () => undefined,
  };
  await initI18n();
});

afterEach(cleanup);
beforeEach(async () => {
  requests.length = 0;
  await act(async () => setLang('vi'));
});

describe('DossierButton', () => {
  it('sends the chosen regime and shows the network diagram with the counts', async () => {
    answer = (r) => ({ ok: true, value: result(r.format as 'svg') });
    render(<DossierButton file="/data/visits/v1.json" beforeExport={() => Promise.resolve()} />);
    await userEvent.selectOptions(screen.getByTestId('dossier-regime'), 'old');
    await userEvent.click(screen.getByTestId('dossier-svg'));
    expect(requests).toEqual([
      { refs: [{ file: '/data/visits/v1.json' }], regime: 'old', format: 'svg', inline: true },
    ]);
    const img = await screen.findByTestId('dossier-diagram');
    expect(img.getAttribute('src')).toBe(`data:image/svg+xml;base64,${btoa(SVG)}`);
    expect(img.getAttribute('alt')).toBe('Sơ đồ mạng vẽ từ lần quét');
    expect(screen.getByTestId('dossier-status').textContent).toContain(
      '6 thiết bị (1 chưa xác định), 4 rủi ro, 5 yêu cầu chưa đạt, 9 chưa đo',
    );
  });

  it('says why when the service refuses', async () => {
    answer = () => ({
      ok: false,
      error: {
        code: 'not-found',
        message: { vi: 'Không thấy chuyến công tác.', en: 'Visit not found.' },
      },
    });
    render(<DossierButton file="/nope.json" beforeExport={() => Promise.resolve()} />);
    await userEvent.click(screen.getByTestId('dossier-docx'));
    expect((await screen.findByText(/Không thấy chuyến công tác/)).textContent).toMatch(/^✖/);
  });
});
