/**
 * Probe `signature.services`: the local signing services answer a real WebSocket handshake.
 * VGCA Sign Service: wss://127.0.0.1:8987; VNPT-CA Plugin: wss://localhost:4433–4435/plugin
 * (DOMAIN.md §1.1, §1.2 — the only ports backed by real client libraries).
 */
import { check, t } from '../checks.js';
import type { CheckResult, Probe, ProbeContext, SigningEndpoint } from '../types.js';
import { wsHandshake, type HandshakeResult } from './ws-handshake.js';

/** Default endpoints; tests pass loopback stand-ins through `settings.signingServices`. */
export const DEFAULT_SIGNING_SERVICES: readonly SigningEndpoint[] = [
  { provider: 'vgca', url: 'wss://127.0.0.1:8987/' },
  { provider: 'vnpt', url: 'wss://localhost:4433/plugin' },
  { provider: 'vnpt', url: 'wss://localhost:4434/plugin' },
  { provider: 'vnpt', url: 'wss://localhost:4435/plugin' },
];

const NAMES: Readonly<Record<string, string>> = {
  vgca: 'VGCA Sign Service (Ban Cơ yếu)',
  vnpt: 'VNPT-CA Plugin',
};

const meta = {
  id: 'signature.services',
  area: 'signature',
  title: t('Dịch vụ ký số trên máy', 'Local signing services'),
} as const;

function verdict(provider: string, results: readonly HandshakeResult[]): CheckResult {
  const name = NAMES[provider] ?? provider;
  const answered = results.find((r) => r.outcome === 'answered');
  const refused = results.find((r) => r.outcome === 'refused');
  const values = { attempts: results.map((r) => ({ ...r })) };
  const base = {
    id: `${meta.id}.${provider}`,
    area: meta.area,
    title: t(`Dịch vụ ký số ${name}`, `Signing service ${name}`),
    values,
  };
  if (answered)
    return check({
      ...base,
      status: 'ok',
      detail: t(
        `${name} đang chạy và trả lời (${answered.url}).`,
        `${name} is running and answers (${answered.url}).`,
      ),
    });
  if (refused && refused.outcome === 'refused') {
    return check({
      ...base,
      status: 'warn',
      detail: t(
        `Cổng ${new URL(refused.url).port} có chương trình khác chiếm, không phải ${name} (${refused.reason}).`,
        `Port ${new URL(refused.url).port} is held by another program, not ${name} (${refused.reason}).`,
      ),
      fix: {
        text: t(
          `Tắt chương trình đang chiếm cổng hoặc cài lại ${name}, rồi khởi động lại máy.`,
          `Stop the program holding the port or reinstall ${name}, then restart.`,
        ),
        checklistId: 'fix-signing-service',
      },
    });
  }
  return check({
    ...base,
    status: 'warn',
    detail: t(
      `${name} không chạy (không có gì trả lời trên ${results.map((r) => new URL(r.url).port).join(', ')}).`,
      `${name} is not running (nothing answers on ${results.map((r) => new URL(r.url).port).join(', ')}).`,
    ),
    fix: {
      text: t(
        `Nếu cơ quan ký bằng ${name}: cài hoặc bật dịch vụ (biểu tượng khay hệ thống), cho phép qua phần mềm diệt virus.`,
        `If the office signs with ${name}: install or start the service (tray icon) and allow it in the antivirus.`,
      ),
      checklistId: 'fix-signing-service',
    },
  });
}

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  const endpoints = ctx.settings?.signingServices ?? DEFAULT_SIGNING_SERVICES;
  const results = await Promise.all(
    endpoints.map((e) =>
      wsHandshake(e.url, { timeoutMs: 3000, signal }).then((r) => ({ provider: e.provider, r })),
    ),
  );
  const providers = [...new Set(endpoints.map((e) => e.provider))];
  return providers.map((p) =>
    verdict(
      p,
      results.filter((x) => x.provider === p).map((x) => x.r),
    ),
  );
}

/** The probe. */
export const signingServicesProbe: Probe = { ...meta, timeoutMs: 8_000, run };
