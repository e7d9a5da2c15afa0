/**
 * Linux and macOS ping: `ping` (node-ping's builders: `-c COUNT -W S`, 56-byte echoes). Linux
 * spaces the echoes 0.2 s apart; macOS keeps its default interval.
 */
import type { PingFlavour } from './ping-types.js';

/** The Linux system ping. */
export const linuxPing: PingFlavour = {
  file: 'ping',
  extra: ['-i', '0.2'],
  packetSize: 56,
  endOfOptions: true,
};

/** The macOS system ping. */
export const darwinPing: PingFlavour = {
  file: 'ping',
  extra: [],
  packetSize: 56,
  endOfOptions: true,
};
