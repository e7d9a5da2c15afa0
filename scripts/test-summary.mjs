// Prints the plain closing line CI reads ("N passed, N failed, N skipped") from vitest's JSON
// report (written by `npm test`, see vitest.config.ts).
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync('tests/.tmp/vitest-report.json', 'utf8'));
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
process.exitCode = report.numFailedTests > 0 || report.numTotalTests === 0 ? 1 : 0;
