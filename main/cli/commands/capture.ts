import type {
  CaptureProgressData,
  CaptureSaved,
  ScriptsWritten,
} from '../../service/capture/contract.js';
import type { Lang } from '../../service/define.js';
import type { Command, CommandIo } from '../command.js';
import { UsageError } from '../command.js';
import { printResult } from '../print.js';

function value(flag: string | true | undefined, name: string): string | undefined {
  if (flag === true)
    throw new UsageError({ vi: `--${name} cần một đường dẫn`, en: `--${name} needs a path` });
  return flag;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function progressLine(e: CaptureProgressData, lang: Lang): string | undefined {
  if (e.event !== 'script-finished') return undefined;
  const state =
    e.timedOut === true
      ? lang === 'vi'
        ? 'hết giờ'
        : 'timed out'
      : e.exitCode === 0
        ? 'ok'
        : lang === 'vi'
          ? `mã thoát ${String(e.exitCode)}`
          : `exit ${String(e.exitCode)}`;
  return `[${String(e.index)}/${String(e.total)}] ${e.id} — ${e.title[lang]}: ${state} (${seconds(e.durationMs ?? 0)})`;
}

function savedLines(saved: CaptureSaved, lang: Lang): string[] {
  const vi = lang === 'vi';
  const h = saved.host;
  const removed = saved.redactions.map((r) => `${r.kind} ×${String(r.count)}`).join(', ');
  return [
    `${vi ? 'Đã lưu' : 'Saved'}: ${saved.path} (${String(Math.round(saved.bytes / 1024))} KB, ${String(saved.scripts.length)} ${vi ? 'lệnh' : 'scripts'}, ${seconds(saved.durationMs)})`,
    ...(h === null
      ? [
          vi
            ? 'Không đọc được thông tin PowerShell (host-info).'
            : 'No PowerShell facts (host-info gave no answer).',
        ]
      : [
          `PowerShell ${h.psVersion ?? '?'} ${h.psEdition ?? ''} · ${h.languageMode ?? '?'} · ${h.culture ?? '?'}/${h.uiCulture ?? '?'} · OEM ${String(h.oemCodePage ?? '?')} · ${h.osCaption ?? 'Windows'} ${h.displayVersion ?? ''} (${h.osBuild ?? '?'}${h.ubr === undefined ? '' : `.${String(h.ubr)}`}) ${h.edition ?? ''}`.replace(
            / +/g,
            ' ',
          ),
        ]),
    `${vi ? 'Đã che' : 'Redacted'}: ${removed === '' ? (vi ? 'không có gì' : 'nothing') : removed}`,
    vi
      ? 'Gửi tệp này cho người hướng dẫn (Zalo hoặc e-mail). Tệp không chứa tên máy, tên người dùng, số sê-ri, địa chỉ MAC/IP hay tên Wi-Fi.'
      : 'Send this file to your supervisor (Zalo or e-mail). It holds no host or user names, serials, MAC/IP addresses or Wi-Fi names.',
  ];
}

async function writeScripts(io: CommandIo, dir: string): Promise<number> {
  const result = await io.service.invoke('capture:scripts', { dir }, { signal: io.signal });
  return printResult(io, result, (v) => {
    const written = v as ScriptsWritten;
    return [
      `${io.lang === 'vi' ? 'Đã ghi' : 'Wrote'} ${String(written.files.length)} ${io.lang === 'vi' ? 'tệp vào' : 'files to'} ${written.dir}`,
      ...written.files.map((f) => `  ${f}`),
    ];
  });
}

/** `xaso capture`: a field capture of this PC (redacted), or the catalogue as .ps1 files. */
export const captureCommand: Command = {
  name: 'capture',
  summary: {
    vi: 'Ghi dữ liệu hiện trường (đã che thông tin cá nhân) để gửi người hướng dẫn',
    en: 'Field capture of this PC (redacted) to send to the supervisor',
  },
  usage: [
    'xaso capture [--out FILE] [--powershell PATH] [--json]',
    'xaso capture --scripts DIR',
    '--out: mặc định captures/ trong thư mục dữ liệu (default: captures/ in the data folder)',
    '--powershell: chỉ cho nhà phát triển, vd. pwsh trên Linux (developers only, e.g. pwsh on Linux)',
  ],
  flags: ['out', 'powershell', 'scripts'],
  async run(args, io) {
    const dir = value(args.flags['scripts'], 'scripts');
    if (dir !== undefined) return writeScripts(io, dir);
    const out = value(args.flags['out'], 'out');
    const powershell = value(args.flags['powershell'], 'powershell');
    const result = await io.service.invoke(
      'capture:run',
      {
        ...(out === undefined ? {} : { out }),
        ...(powershell === undefined ? {} : { powershell }),
      },
      {
        signal: io.signal,
        onProgress: (e) => {
          const line = progressLine(e.data as CaptureProgressData, io.lang);
          if (line !== undefined) io.err(line);
        },
      },
    );
    return printResult(io, result, (v) => savedLines(v as CaptureSaved, io.lang));
  },
};
