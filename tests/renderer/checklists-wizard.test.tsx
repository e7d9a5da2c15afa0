import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';

import { addEvidence, answerStep } from '../../main/service/checklists/actions';
import { settle, viewRun } from '../../main/service/checklists/engine';
import type { Run } from '../../main/service/checklists/run-model';
import { checklistSchema } from '../../main/service/checklists/schema';
import { initI18n } from '../../renderer/i18n/index';
import { RunWizard } from '../../renderer/places/checklists/run-wizard';

// The wizard against a bridge backed by the real (pure) run engine in memory: only the disk and
// the IPC are left out (the e2e test in Chromium covers those).
const NOW = '2026-11-23T08:00:00.000Z';
const T = (vi: string, en: string) => ({ vi, en });
const NO_PROBES = new Set<string>();

let run: Run = {
  schema: 1,
  runId: 'r1',
  status: 'in-progress',
  startedAt: NOW,
  updatedAt: NOW,
  revision: 1,
  facts: { platform: 'win32', arch: 'x64', bits: '64' },
  steps: {},
  checklist: checklistSchema.parse({
    schema: 1,
    id: 'w',
    version: '1.0.0',
    task: 'printer',
    title: T('Máy in thử', 'Test printer'),
    summary: T('a', 'a'),
    checkedOn: '2026-11-23',
    sources: [{ label: 'DOMAIN', url: 'https://example.invalid/' }],
    signOff: 'none',
    steps: [
      {
        id: 'works',
        kind: 'question',
        title: T('Máy in chạy?', 'Printer works?'),
        input: { type: 'yes-no' },
        failing: { values: ['no'] },
        onFail: { require: ['note'] },
        unconfirmed: T('Chưa xác nhận: thử', 'Unconfirmed: test'),
      },
      { id: 'done', kind: 'instruction', title: T('Dọn dẹp', 'Tidy up') },
    ],
  }),
};

const ok = () => ({ ok: true, value: viewRun(run, NO_PROBES) });
const stepOf = (id: string) => run.checklist.steps.find((s) => s.id === id)!;
const change = (next: Run) => {
  run = settle(next, NO_PROBES, NOW);
  return ok();
};
const bridge = {
  checklists: {
    'get-run': async () => ok(),
    answer: async (p: { stepId: string; value?: string; note?: string }) =>
      change(answerStep(run, stepOf(p.stepId), p.value, { note: p.note }, NO_PROBES, NOW)),
    'add-evidence': async (p: { stepId: string; note?: string }) =>
      change(addEvidence(run, stepOf(p.stepId), undefined, { note: p.note }, NOW)),
  },
  cancel: () => undefined,
};

describe('checklist wizard', () => {
  beforeAll(async () => {
    (window as unknown as { xaso: unknown }).xaso = bridge;
    await initI18n();
  });

  it('asks a failing answer for its note, then moves on and focuses the next step', async () => {
    const user = userEvent.setup();
    let saved = 0;
    render(<RunWizard runId="r1" onBack={() => undefined} onSaved={() => (saved += 1)} />);
    expect(await screen.findByRole('heading', { name: 'Máy in chạy?' })).toBeTruthy();
    expect(screen.getByTestId('unconfirmed').textContent).toContain('Chưa xác nhận');
    await user.click(screen.getByLabelText('Không'));
    await user.click(screen.getByRole('button', { name: 'Lưu câu trả lời' }));
    expect((await screen.findByTestId('missing')).textContent).toBe('Còn thiếu: ghi chú');
    expect(screen.getAllByText('Không đạt').length).toBeGreaterThan(0);
    await user.type(screen.getByLabelText('Ghi chú'), 'Kẹt giấy');
    await user.click(screen.getByRole('button', { name: 'Lưu ghi chú' }));
    const next = await screen.findByRole('heading', { name: 'Dọn dẹp' });
    expect(document.activeElement).toBe(next);
    expect(screen.getByTestId('progress').getAttribute('value')).toBe('1');
    await user.click(screen.getByRole('button', { name: 'Đã làm xong' }));
    expect((await screen.findByTestId('finish')).textContent).toContain('Hoàn thành');
    expect(run.steps['works']).toMatchObject({ answer: 'no', note: 'Kẹt giấy' });
    // Every saved step is reported (a fix run copies itself into the active visit each time).
    expect(saved).toBe(3);
  });
});
