/**
 * Heavy export libraries, loaded on first use only: a CLI call or a window that never writes a
 * workbook does not pay for parsing exceljs.
 */
import type ExcelJS from 'exceljs';

/** The exceljs module (its CommonJS default export). */
export async function loadExcelJs(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
