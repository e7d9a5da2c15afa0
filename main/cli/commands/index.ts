import type { Command } from '../command.js';
import { infoCommand } from './info.js';

/** Every CLI command, in the order `xaso --help` lists them. */
export const commands: readonly Command[] = [infoCommand];
