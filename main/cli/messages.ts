import type { Lang } from '../service/define.js';

/** The CLI's own words (commands bring theirs). */
export const messages = {
  vi: {
    tagline: 'Xã Số — bộ công cụ hiện trường hỗ trợ UBND xã, phường',
    usage: 'Cách dùng: xaso <lệnh> [tuỳ chọn]',
    commands: 'Các lệnh:',
    globalFlags: 'Tuỳ chọn chung:',
    flagJson: '--json         in kết quả dạng JSON cho máy đọc',
    flagLang: '--lang vi|en   ngôn ngữ hiển thị (mặc định: vi)',
    flagHelp: '--help         trợ giúp (xaso help <lệnh>: trợ giúp của một lệnh)',
    flagVersion: '--version      phiên bản',
    unknownCommand: (name: string) => `không có lệnh "${name}". Gõ "xaso --help" để xem các lệnh.`,
    unknownFlag: (flag: string, cmd: string) =>
      `lệnh "${cmd}" không có tuỳ chọn --${flag}. Gõ "xaso help ${cmd}".`,
    badFlag: (why: string, cmd: string) =>
      `tuỳ chọn không hợp lệ cho lệnh "${cmd}" (${why}). Gõ "xaso help ${cmd}".`,
    badLang: (value: string) => `--lang chỉ nhận "vi" hoặc "en" (nhận được "${value}").`,
    usageOf: 'Cách dùng:',
    interrupted: 'Đã dừng theo yêu cầu (Ctrl+C).',
  },
  en: {
    tagline: 'Xã Số — field kit for commune and ward offices',
    usage: 'Usage: xaso <command> [options]',
    commands: 'Commands:',
    globalFlags: 'Global options:',
    flagJson: '--json         print the result as JSON for machines',
    flagLang: '--lang vi|en   display language (default: vi)',
    flagHelp: '--help         help (xaso help <command>: help for one command)',
    flagVersion: '--version      version',
    unknownCommand: (name: string) => `no command "${name}". Run "xaso --help" for the list.`,
    unknownFlag: (flag: string, cmd: string) =>
      `command "${cmd}" has no option --${flag}. Run "xaso help ${cmd}".`,
    badFlag: (why: string, cmd: string) =>
      `invalid option for command "${cmd}" (${why}). Run "xaso help ${cmd}".`,
    badLang: (value: string) => `--lang takes "vi" or "en" (got "${value}").`,
    usageOf: 'Usage:',
    interrupted: 'Stopped on request (Ctrl+C).',
  },
} satisfies Record<Lang, unknown>;
