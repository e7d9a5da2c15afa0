/**
 * The catalogue as files (`xaso capture --scripts DIR`): every script as `<id>.ps1`, the exact
 * program text PowerShell receives, plus a README.txt in Vietnamese and English, for a provincial
 * IT centre (or an antivirus vendor) to read before allowing the app. UTF-8 with a BOM: without
 * one, Windows PowerShell 5.1 reads a .ps1 in the ANSI code page (1258 on a Vietnamese Windows)
 * and the Vietnamese sample printer name would arrive garbled. CRLF line ends for Notepad.
 */
import { windowsScripts, windowsScriptText, type WindowsScript } from './scripts.js';

/** One file to write: its name inside the folder and its whole text (BOM included). */
export type ScriptFile = Readonly<{ name: string; text: string }>;

const BOM = '\uFEFF';

/** The files for `scripts` (default: the whole catalogue), README.txt last. */
export function scriptFiles(scripts: readonly WindowsScript[] = windowsScripts()): ScriptFile[] {
  const files = scripts.map((s) => ({
    name: `${s.id}.ps1`,
    text: `${BOM}${windowsScriptText(s)}\r\n`,
  }));
  return [...files, { name: 'README.txt', text: BOM + readme(scripts).join('\r\n') + '\r\n' }];
}

function readme(scripts: readonly WindowsScript[]): string[] {
  const rows = (lang: 'vi' | 'en'): string[] =>
    scripts.map((s) => `  ${s.id}.ps1  [${kindWord(s.kind, lang)}]  ${s.title[lang]}`);
  return [
    'Xã Số — các lệnh PowerShell mà ứng dụng có thể chạy trên Windows',
    '',
    'Mỗi tệp .ps1 là đúng văn bản chương trình Windows PowerShell 5.1 nhận sau -Command',
    '(powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command ...).',
    'Không có mã hoá base64, không tải gì từ mạng. Lệnh "đọc" chỉ xem; lệnh "thay đổi"',
    'chỉ chạy khi sinh viên bấm nút tương ứng trong ứng dụng (không bao giờ chạy khi chẩn đoán',
    'hay khi ghi dữ liệu hiện trường).',
    '',
    ...rows('vi'),
    '',
    'Xã Số — the PowerShell scripts the app can run on Windows',
    '',
    'Each .ps1 file is the exact program text Windows PowerShell 5.1 receives after -Command',
    '(powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command ...).',
    'No base64 encoding, nothing downloaded. "read" scripts only look; "action" scripts run only',
    'when the intern clicks the matching button in the app (never during a diagnosis or a field',
    'capture).',
    '',
    ...rows('en'),
  ];
}

function kindWord(kind: WindowsScript['kind'], lang: 'vi' | 'en'): string {
  if (kind === 'read') return lang === 'vi' ? 'đọc' : 'read';
  return lang === 'vi' ? 'thay đổi' : 'action';
}
