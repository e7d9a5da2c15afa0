/**
 * A Windows-like NetBIOS name service in a namespace host: Samba's `nmbd` (package `samba`),
 * answering node-status queries (what `nbtstat -A` asks) with the given computer name and
 * workgroup. Runs under `lan.spawn`, so `lan.teardown()` stops it.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { waitFor } from './ipp-printer.js';
import type { Lan } from './netns.js';

/** Starts nmbd in host `n` of `lan`; resolves once it answers. Returns its state folder. */
export async function startNmbd(
  lan: Lan,
  n: number,
  name: string,
  workgroup: string,
  answers: (ip: string) => Promise<boolean>,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'x4-nmbd-'));
  const conf = [
    '[global]',
    `netbios name = ${name}`,
    `workgroup = ${workgroup}`,
    `interfaces = ${lan.ip(n)}/24`,
    'bind interfaces only = yes',
    ...['lock directory', 'state directory', 'cache directory', 'pid directory', 'private dir'].map(
      (k) => `${k} = ${dir}`,
    ),
    `log file = ${dir}/log.%m`,
    '',
  ].join('\n');
  await writeFile(join(dir, 'smb.conf'), conf);
  lan.spawn(n, 'nmbd', ['-F', '--no-process-group', '-s', join(dir, 'smb.conf')]);
  await waitFor(() => answers(lan.ip(n)), 15_000, 'nmbd');
  return dir;
}
