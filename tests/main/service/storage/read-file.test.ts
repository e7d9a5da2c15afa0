import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ReadFileError, readBoundedFile } from '../../../../main/service/storage/read-file.js';

async function problemOf(file: string, options = {}): Promise<string> {
  try {
    await readBoundedFile(file, options);
    return 'read';
  } catch (error) {
    expect(error).toBeInstanceOf(ReadFileError);
    return (error as ReadFileError).problem;
  }
}

describe('readBoundedFile', () => {
  let dir: string;
  let socketServer: Server;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xaso-read-'));
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    socketServer = createServer();
    await new Promise<void>((resolve) => socketServer.listen(join(dir, 'sock'), resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => socketServer.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses devices, FIFOs and sockets instead of reading forever or blocking', async () => {
    // /dev/zero has stat().size 0 and never ends; a FIFO with no writer blocks a plain open.
    expect(await problemOf('/dev/zero')).toBe('not-regular');
    expect(await problemOf(join(dir, 'fifo'))).toBe('not-regular');
    expect(await problemOf(join(dir, 'sock'))).toBe('not-regular');
  });

  it('checks the size while reading: at the limit is read, one byte more is refused', async () => {
    await writeFile(join(dir, 'ten'), '0123456789');
    expect((await readBoundedFile(join(dir, 'ten'), { maxBytes: 10 })).toString()).toBe(
      '0123456789',
    );
    expect(await problemOf(join(dir, 'ten'), { maxBytes: 9 })).toBe('too-large');
  });

  it('says missing, folder, and refuses a link when asked not to follow it', async () => {
    expect(await problemOf(join(dir, 'nope'))).toBe('missing');
    expect(await problemOf(dir)).toBe('folder');
    await symlink('/etc/hostname', join(dir, 'link'));
    expect(await problemOf(join(dir, 'link'), { noFollow: true })).toBe('not-regular');
  });
});
