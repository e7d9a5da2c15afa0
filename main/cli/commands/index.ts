import type { Command } from '../command.js';
import { captureCommand } from './capture.js';
import { checklistCommand } from './checklist.js';
import { diagnoseCommand } from './diagnose.js';
import { dossierCommand } from './dossier.js';
import { importCommand } from './import.js';
import { infoCommand } from './info.js';
import { networkCommand } from './network.js';
import { printersCommand } from './printers.js';
import { provinceCommand } from './province.js';
import { scanCommand } from './scan.js';
import { serveCommand } from './serve.js';
import { reportCommand } from './report.js';
import { visitCommand } from './visit.js';

/** Every CLI command, in the order `xaso --help` lists them. */
export const commands: readonly Command[] = [
  infoCommand,
  diagnoseCommand,
  visitCommand,
  checklistCommand,
  reportCommand,
  dossierCommand,
  importCommand,
  networkCommand,
  provinceCommand,
  printersCommand,
  scanCommand,
  captureCommand,
  serveCommand,
];
