import { useState } from 'react';

import type { LocalText } from '../../../main/service/define';
import type { DossierExportResult, DossierFormat } from '../../../main/service/dossier/contract';
import type { Regime } from '../../../main/service/dossier/types';
import { failureText, useApi } from '../../api/index';
import { useLang, useLocal } from '../../i18n/pick';
import { downloadBase64 } from './download';

const TEXT = {
  title: { vi: 'Hồ sơ cấp độ an toàn', en: 'Security-level dossier' },
  hint: {
    vi: 'Bản nháp hồ sơ đề xuất cấp độ từ những gì chuyến này đo được: danh mục tài sản, sơ đồ mạng, rủi ro, phương án. Cơ quan kiểm tra và bổ sung trước khi trình.',
    en: 'A draft of the security-level dossier from what this visit measured: inventory, network diagram, risks, plan. The office checks and completes it before submitting.',
  },
  regime: { vi: 'Quy định', en: 'Rules' },
  old: { vi: 'Cũ (trước 1/7/2026)', en: 'Old (before 1/7/2026)' },
  new: { vi: 'Mới (từ 1/7/2026, chưa xác nhận)', en: 'New (from 1/7/2026, unconfirmed)' },
  docx: { vi: 'Hồ sơ (DOCX)', en: 'Dossier (DOCX)' },
  xlsx: { vi: 'Danh mục tài sản (XLSX)', en: 'Asset inventory (XLSX)' },
  svg: { vi: 'Xem sơ đồ mạng', en: 'Show the network diagram' },
  working: { vi: 'Đang lập hồ sơ…', en: 'Drafting the dossier…' },
  diagram: { vi: 'Sơ đồ mạng vẽ từ lần quét', en: 'Network diagram drawn from the scan' },
} as const satisfies Readonly<Record<string, LocalText>>;

function doneText(r: DossierExportResult): LocalText {
  const c = r.counts;
  return {
    vi: `✔ ${r.fileName}: ${c.assets} thiết bị (${c.unidentified} chưa xác định), ${c.risks} rủi ro, ${c.notMet} yêu cầu chưa đạt, ${c.notMeasured} chưa đo.`,
    en: `✔ ${r.fileName}: ${c.assets} devices (${c.unidentified} unidentified), ${c.risks} risks, ${c.notMet} requirements not met, ${c.notMeasured} not measured.`,
  };
}

/** The dossier buttons of a visit: DOCX and XLSX downloads, and the diagram shown in place. */
export function DossierButton({
  file,
  beforeExport,
}: Readonly<{ file: string; beforeExport: () => Promise<void> }>) {
  const api = useApi();
  const lang = useLang();
  const local = useLocal();
  const [regime, setRegime] = useState<Regime>('new');
  const [status, setStatus] = useState<string>();
  const [svg, setSvg] = useState<string>();
  const run = async (format: DossierFormat) => {
    await beforeExport();
    setStatus(local(TEXT.working));
    const result = await api.dossier.export({ refs: [{ file }], regime, format, inline: true });
    if (!result.ok) {
      setStatus(`✖ ${failureText(result, lang)}`);
      return;
    }
    const value = result.value;
    if (value.contentBase64 === undefined) return;
    if (format === 'svg') setSvg(value.contentBase64);
    else downloadBase64(value.contentBase64, value.fileName, value.mime);
    setStatus(local(doneText(value)));
  };
  return (
    <section className="visit-card" aria-labelledby="dossier-title" data-testid="dossier-panel">
      <h2 id="dossier-title">{local(TEXT.title)}</h2>
      <p className="visit-muted">{local(TEXT.hint)}</p>
      <label>
        {local(TEXT.regime)}{' '}
        <select
          value={regime}
          onChange={(e) => setRegime(e.target.value === 'old' ? 'old' : 'new')}
          data-testid="dossier-regime"
        >
          <option value="old">{local(TEXT.old)}</option>
          <option value="new">{local(TEXT.new)}</option>
        </select>
      </label>
      <div className="visit-buttons">
        {(['docx', 'xlsx', 'svg'] as const).map((format) => (
          <button
            type="button"
            key={format}
            onClick={() => void run(format)}
            data-testid={`dossier-${format}`}
          >
            {local(TEXT[format])}
          </button>
        ))}
      </div>
      <p role="status" aria-live="polite" data-testid="dossier-status">
        {status}
      </p>
      {svg !== undefined && (
        <img
          src={`data:image/svg+xml;base64,${svg}`}
          alt={local(TEXT.diagram)}
          style={{ maxWidth: '100%' }}
          data-testid="dossier-diagram"
        />
      )}
    </section>
  );
}
