/**
 * Probe `signature.smartcard-service`: Windows `SCardSvr` ("Smart Card", start=demand, manages
 * every PC/SC reader — DOMAIN.md §1.6.2, MS Learn); Linux `pcscd`.
 */

import { assertNever } from '../assert-never.js';
import { check, t, unknownFrom } from '../checks.js';
import type { CheckResult, HostFs, Probe, ProbeContext } from '../types.js';
import { windowsSection } from '../windows/facts.js';
import { asArray, num, str } from '../windows/powershell.js';

/** State of a Windows service as numbers (ServiceControllerStatus / ServiceStartMode). */
export type ServiceState = Readonly<{ name: string; status?: number; startType?: number }>;

/** Parses the `services` section. */
export function parseServices(section: unknown): ServiceState[] {
  return asArray(section).flatMap((s) => {
    const name = str(s, 'Name');
    if (name === undefined) return [];
    const state: Record<string, unknown> = { name };
    const status = num(s, 'Status');
    const startType = num(s, 'StartType');
    if (status !== undefined) state['status'] = status;
    if (startType !== undefined) state['startType'] = startType;
    return [state as ServiceState];
  });
}

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
  checklistId: 'smartcard-service',
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

async function linux(fs: HostFs): Promise<CheckResult> {
  const exists = (p: string) =>
    fs.access(p).then(
      () => true,
      () => false,
    );
  if (await exists('/run/pcscd/pcscd.comm'))
    return check({
      ...meta,
      status: 'ok',
      detail: t('Dịch vụ pcscd đang chạy.', 'pcscd is running.'),
      values: { socket: '/run/pcscd/pcscd.comm' },
    });
  const installed = (await exists('/usr/sbin/pcscd')) || (await exists('/sbin/pcscd'));
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
    case 'win32':
      return runWin32(ctx, signal);
    case 'linux':
    case 'darwin':
      return [await linux(ctx.fs)];
    default:
      return assertNever(ctx.platform);
  }
}

async function runWin32(ctx: ProbeContext, signal: AbortSignal): Promise<CheckResult[]> {
  const section = await windowsSection(ctx, 'services', signal);
  return [
    section.status === 'ok'
      ? evaluateScard(parseServices(section.data))
      : unknownFrom(meta, section),
  ];
}

/** The probe. */
export const smartcardServiceProbe: Probe = { ...meta, timeoutMs: 30_000, run };
