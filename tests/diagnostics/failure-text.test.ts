import { describe, expect, it } from 'vitest';

import { unknownCheck } from '../../diagnostics/checks.js';
import { describeFailure } from '../../diagnostics/failure-text.js';

describe('plain words for a check that could not be made', () => {
  it('explains a section past its budget, in both languages, without the raw reason', () => {
    const text = describeFailure('failed: timeout: no answer within 8 s');
    expect(text.vi).toBe(
      'Windows không trả lời mục này trong 8 giây (máy bận hoặc đang quét virus); các mục khác vẫn được kiểm. Bấm Kiểm tra lại.',
    );
    expect(text.en).toContain('did not answer this within 8 s');
    expect(text.vi).not.toContain('timeout');
  });

  it("quotes Windows' own (Vietnamese) error message instead of translating it", () => {
    const text = describeFailure('failed: PowerShell (physicalDisks): Truy nhập bị từ chối.');
    expect(text.vi).toBe('Windows báo lỗi khi đọc mục này: «Truy nhập bị từ chối.».');
    expect(text.en).toBe('Windows reported an error reading this: "Truy nhập bị từ chối.".');
  });

  it('names a PowerShell that did not start, a blocked program, a cancelled run, a too-large answer', () => {
    expect(describeFailure('failed: timeout: PowerShell did not start within 15 s').vi).toContain(
      'không khởi động được trong 15 giây',
    );
    expect(
      describeFailure(
        'failed: CommandNotFoundError: C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe: not found or not executable',
      ).vi,
    ).toContain('AppLocker');
    expect(describeFailure('failed: aborted').vi).toBe('Đã huỷ trước khi kiểm tra xong.');
    expect(describeFailure('failed: the answer was larger than 8 MiB and was cut').en).toContain(
      'over 8 MB',
    );
  });

  it('keeps the raw reason on the check for developers and captures', () => {
    const check = unknownCheck(
      { id: 'hardware.cpu', area: 'hardware', title: { vi: 'CPU', en: 'CPU' } },
      'failed: aborted',
    );
    expect(check.reason).toBe('failed: aborted');
    expect(check.detail.en).toBe('Cancelled before the check finished.');
  });

  it('falls back to the generic text for anything else, the raw reason left to the details', () => {
    expect(describeFailure('weird: 0x80041010')).toEqual({
      vi: 'Không kiểm tra được mục này (lý do ở phần Chi tiết kỹ thuật).',
      en: 'Could not check this (the reason is under Technical details).',
    });
  });

  it("says the probes' own reasons in plain words, with no code in the text", () => {
    const clock = describeFailure(
      'cannot reach the time server time.windows.com: getaddrinfo EAI_AGAIN time.windows.com',
    );
    expect(clock.vi).toMatch(/^Không liên lạc được máy chủ thời gian/);
    expect(clock.vi).not.toMatch(/EAI_AGAIN|getaddrinfo/);
    expect(describeFailure('no temperature sensor exposed by the OS').vi).toMatch(/nhiệt độ/);
    expect(describeFailure('failed: no physical disk listed').vi).toMatch(/ổ cứng/);
    expect(describeFailure('not applicable: no pkcs11-tool on Windows by default').vi).toBe(
      'Không áp dụng trên hệ điều hành này.',
    );
  });
});
