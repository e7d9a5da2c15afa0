/**
 * Probe `signature.token-certs`: certificates on plugged-in tokens, read through PKCS#11
 * (OpenSC `pkcs11-tool`, public objects only, never a PIN), judged for validity and chain.
 */
import { X509Certificate } from 'node:crypto';

import { assertNever } from '../assert-never.js';
import { check, notApplicable, t, unknownCheck } from '../checks.js';
import type { CheckResult, Platform, Probe, ProbeContext } from '../types.js';
import { evaluateCertificate } from './cert-eval.js';
import { listTokens, readCertificates } from './pkcs11-tool.js';
import { PROVIDERS, pinWarning } from './providers.js';
import { rootsOf } from './roots.js';

const meta = {
  id: 'signature.token-certs',
  area: 'signature',
  title: t('Chứng thư chữ ký số trên token', 'Certificates on tokens'),
} as const;

/** Module files to try: settings first, then the known Linux modules per provider that exist. */
export async function candidateModules(ctx: ProbeContext): Promise<string[]> {
  const listed = [
    ...(ctx.settings?.pkcs11Modules ?? []),
    ...PROVIDERS.flatMap((p) => p.linuxModules),
  ];
  const present: string[] = [];
  for (const file of new Set(listed)) {
    if (
      await ctx.fs.access(file).then(
        () => true,
        () => false,
      )
    )
      present.push(file);
  }
  return present;
}

function moduleEnv(ctx: ProbeContext): Record<string, string> {
  const conf = ctx.env['SOFTHSM2_CONF'];
  return conf === undefined ? {} : { SOFTHSM2_CONF: conf };
}

/** Whether the OS has OpenSC pkcs11-tool and token drivers where this probe looks by default. */
function pkcs11ToolByDefault(platform: Platform): boolean {
  switch (platform) {
    case 'win32':
      return false;
    case 'linux':
    case 'darwin':
      return true;
    default:
      return assertNever(platform);
  }
}

async function run(ctx: ProbeContext, { signal }: { signal: AbortSignal }): Promise<CheckResult[]> {
  if (ctx.settings?.pkcs11Modules === undefined && !pkcs11ToolByDefault(ctx.platform)) {
    return [
      notApplicable(
        meta,
        t(
          'Trên Windows, chứng thư của token được đọc từ kho chứng thư Windows (mục "Chứng thư chữ ký số trong Windows"); đọc trực tiếp qua PKCS#11 cần OpenSC pkcs11-tool.',
          'On Windows, token certificates are read from the Windows store ("Certificates in the Windows store"); reading through PKCS#11 needs OpenSC pkcs11-tool.',
        ),
        'no pkcs11-tool on Windows by default',
      ),
    ];
  }
  const modules = await candidateModules(ctx);
  if (modules.length === 0) {
    return [
      check({
        ...meta,
        status: 'warn',
        detail: t(
          'Không thấy trình điều khiển token (PKCS#11) nào trên máy.',
          'No token driver (PKCS#11 module) found on this machine.',
        ),
        values: { modules: [] },
        fix: {
          text: t(
            'Cài trình điều khiển token của nhà cung cấp chữ ký số.',
            'Install the token driver of the signature provider.',
          ),
          checklistId: 'install-token-driver',
        },
      }),
    ];
  }
  const found: { der: Buffer; where: string }[] = [];
  const errors: string[] = [];
  const options = { signal, env: moduleEnv(ctx) };
  for (const module of modules) {
    try {
      for (const token of await listTokens(ctx, module, options)) {
        for (const { der } of await readCertificates(ctx, module, token, options))
          found.push({ der, where: `Token "${token.label}"` });
      }
    } catch (error) {
      errors.push(`${module}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (found.length === 0 && errors.length > 0) return [unknownCheck(meta, errors.join('; '))];
  return summarize(ctx, found, modules, errors);
}

function summarize(
  ctx: ProbeContext,
  found: readonly { der: Buffer; where: string }[],
  modules: readonly string[],
  errors: readonly string[],
): CheckResult[] {
  if (found.length === 0) {
    return [
      check({
        ...meta,
        status: 'warn',
        detail: t(
          'Không có token nào đang cắm (hoặc token không có chứng thư).',
          'No token plugged in (or the token holds no certificate).',
        ),
        values: { modules, certificates: 0 },
        fix: {
          text: t(
            'Cắm token ký số rồi kiểm tra lại.',
            'Plug in the signing token and check again.',
          ),
        },
      }),
    ];
  }
  const pool = found.map((f) => new X509Certificate(f.der));
  const leaves = found.filter((_, i) => !pool[i]!.ca);
  const results = leaves.map((f) =>
    evaluateCertificate({
      der: f.der,
      where: f.where,
      idPrefix: 'signature.token-cert',
      now: ctx.now(),
      pool,
      roots: rootsOf(ctx),
    }),
  );
  const summary = check({
    ...meta,
    status: 'ok',
    detail: t(
      `Đọc được ${leaves.length} chứng thư trên token (không cần mã PIN). ${pinWarning().vi}`,
      `Read ${leaves.length} certificate(s) from tokens (no PIN needed). ${pinWarning().en}`,
    ),
    values: { modules, certificates: leaves.length, ...(errors.length === 0 ? {} : { errors }) },
  });
  return [summary, ...results];
}

/** The probe. */
export const tokenCertsProbe: Probe = { ...meta, timeoutMs: 20_000, run };
