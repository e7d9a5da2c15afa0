/**
 * Probe `signature.smartcard-service`: Windows `SCardSvr` ("Smart Card", start=demand, manages
 * every PC/SC reader — DOMAIN.md §1.6.2, MS Learn); Linux `pcscd`.
 */

import { assertNever } from '../assert-never.js';
import { check, t, unknownFrom } from '../checks.js';
import type { CheckResult, Probe, ProbeContext } from '../types.js';
import { PCSCD_SOCKET, readLinuxPcscd } from './smartcard-service-linux.js';
import { readWin32Services } from './smartcard-service-win32.js';
import type { PcscdState, ServiceState } from './types.js';

export type { ServiceState } from './types.js';
export { parseServices } from './smartcard-service-win32.js';

const meta = {
  id: 'signature.smartcard-service',
  area: 'signature',
  title: t('Dịch vụ thẻ thông minh', 'Smart-card service'),
} as const;
const FIX = {
  text: t(
    'Mở services.msc → "Smart Card" (SCardSvr) → Startup type: Manual hoặc Automatic → Start.',
    'Open services.msc → "Smart Card" (SCardSvr) → Startup type: Manual or Automatic → Start.',
  ),
  checklistId: 'fix-smartcard-service',
};

/** Verdict for SCardSvr: disabled fails; running is ok; stopped + manual is ok (starts on demand). */
export function evaluateScard(services: readonly ServiceState[]): CheckResult {
  const svc = services.find((s) => s.name.toLowerCase() === 'scardsvr');
  if (svc === undefined)
    return check({
      ...meta,
      status: 'fail',
      detail: t(
        'Không có dịch vụ Smart Card (SCardSvr) trên máy.',
        'The Smart Card service (SCardSvr) is missing.',
      ),
      fix: FIX,
    });
  const values = { status: svc.status, startType: svc.startType };
  if (svc.startType === 4)
    return check({
      ...meta,
      status: 'fail',
      values,
      detail: t(
        'Dịch vụ Smart Card đang bị tắt hẳn (Disabled): token sẽ không dùng được.',
        'The Smart Card service is Disabled: tokens will not work.',
      ),
      fix: FIX,
    });
  if (svc.status === 4)
    return check({
      ...meta,
      status: 'ok',
      values,
      detail: t('Dịch vụ Smart Card đang chạy.', 'The Smart Card service is running.'),
    });
  return check({
    ...meta,
    status: 'ok',
    values,
    detail: t(
      'Dịch vụ Smart Card đang dừng nhưng sẽ tự chạy khi cắm token (Manual).',
      'The Smart Card service is stopped but starts on demand when a token is plugged in (Manual).',
    ),
  });
}

/** Verdict for `pcscd`: running is ok; stopped or missing warns. */
function evaluatePcscd(state: PcscdState): CheckResult {
  if (state.running)
    return check({
      ...meta,
      status: 'ok',
      detail: t('Dịch vụ pcscd đang chạy.', 'pcscd is running.'),
      values: { socket: PCSCD_SOCKET },
    });
  const { installed } = state;
  return check({
    ...meta,
    status: 'warn',
    values: { installed },
    detail: installed
      ? t('pcscd đã cài nhưng không chạy.', 'pcscd is installed but not running.')
      : t(
          'Chưa cài pcscd (dịch vụ thẻ thông minh của Linux).',
          'pcscd (the Linux smart-card service) is not installed.',
        ),
    fix: { text: t('Cài và bật gói pcscd.', 'Install and start the pcscd package.') },
  });
}

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  switch (ctx.platform) {
    case 'win32': {
      const services = await readWin32Services(ctx, signal);
      return [
        services.status === 'ok' ? evaluateScard(services.data) : unknownFrom(meta, services),
      ];
    }
    case 'linux':
    case 'darwin': {
      const pcscd = await readLinuxPcscd(ctx.fs);
      return [pcscd.status === 'ok' ? evaluatePcscd(pcscd.data) : unknownFrom(meta, pcscd)];
    }
    default:
      return assertNever(ctx.platform);
  }
}

/** The probe. */
export const smartcardServiceProbe: Probe = { ...meta, timeoutMs: 30_000, run };
