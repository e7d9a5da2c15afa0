/**
 * electron-builder cannot package here (it downloads Electron and its tools), so this test checks
 * what can be checked offline: electron-builder.yml through electron-builder's OWN loader and
 * schema (internal paths of app-builder-lib 26.17.0, hence the exact pin), the NSIS languages,
 * and that the bundles it packs exist where it and the main process look for them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, matchesGlob, resolve } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { appPaths } from '../../../main/electron/paths.js';

const root = resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

type Config = Record<string, unknown> & {
  files: { filter: string[] }[];
  extraMetadata: { main: string };
  electronFuses: Record<string, boolean>;
  win: { target: { target: string; arch: string[] }[]; requestedExecutionLevel: string };
  nsis: Record<string, unknown> & { installerLanguages: string[] };
  linux: { target: string[] };
};
type ConfigModule = {
  getConfig: (dir: string, path: string | null, extra: null) => Promise<Config>;
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
};
const { getConfig, validateConfiguration } =
  require('app-builder-lib/out/util/config/config') as ConfigModule;
const { DebugLogger } = require('builder-util/out/DebugLogger') as {
  DebugLogger: new (enabled: boolean) => unknown;
};
const validate = (config: unknown) => validateConfiguration(config, new DebugLogger(false));

let config: Config;
beforeAll(async () => {
  config = await getConfig(root, null, null);
});

describe('electron-builder.yml', () => {
  it('uses the exact electron-builder version this test was written against', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(pkg.devDependencies['electron-builder']).toBe('26.17.0');
    expect((require('app-builder-lib/package.json') as { version: string }).version).toBe(
      '26.17.0',
    );
  });

  it("passes electron-builder's own schema validation", async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it.each([
    ['a typo in an NSIS option', (c: Config) => ({ ...c, nsis: { ...c.nsis, oneClik: false } })],
    [
      'an unknown fuse',
      (c: Config) => ({ ...c, electronFuses: { ...c.electronFuses, runAsNod: false } }),
    ],
    ['a wrong type', (c: Config) => ({ ...c, asar: 'yes' })],
  ])('rejects %s', async (_name, spoil) => {
    await expect(validate(spoil(config))).rejects.toThrow(/configuration/i);
  });

  it('names the app and targets Windows portable + NSIS and Linux AppImage + deb', () => {
    expect(config).toMatchObject({ appId: 'vn.xaso.app', productName: 'Xa So', asar: true });
    expect(config['productName']).toMatch(/^[\x20-\x7e]+$/);
    expect(config.win.target.map((t) => t.target)).toEqual(['portable', 'nsis']);
    expect(config.win.requestedExecutionLevel).toBe('asInvoker');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('builds an assisted per-user NSIS installer that keeps the user data', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      deleteAppDataOnUninstall: false,
      installerLanguages: ['vi_VN', 'en_US'],
    });
  });

  it('has NSIS language files for Vietnamese and English', () => {
    const { LangConfigurator, createAddLangsMacro } =
      require('app-builder-lib/out/targets/nsis/nsisLang') as {
        LangConfigurator: new (options: unknown) => { langs: string[] };
        createAddLangsMacro: (generator: unknown, langs: unknown) => void;
      };
    const langs = new LangConfigurator(config.nsis);
    const lines: string[] = [];
    createAddLangsMacro({ macro: (_name: string, body: string[]) => lines.push(...body) }, langs);
    expect(lines).toEqual([
      '!insertmacro MUI_LANGUAGE "Vietnamese"',
      '!insertmacro MUI_LANGUAGE "English"',
    ]);
  });

  it('flips the security fuses (inspect arguments off in what ships)', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('the bundles electron-builder.yml packs', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    main: string;
    type: string;
  };
  const paths = appPaths(root);
  const required = () => [
    config.extraMetadata.main,
    paths.preload.slice(root.length + 1),
    join(paths.rendererDir, 'index.html').slice(root.length + 1),
  ];

  beforeAll(() => {
    // `npm test` builds first; a lone run of this file builds if something is missing.
    if (!required().every((file) => existsSync(join(root, file)))) {
      execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    }
  }, 180_000);

  it('main points at the ESM main bundle, as in package.json', () => {
    expect(config.extraMetadata.main).toBe('out/main/index.js');
    expect(pkg.main).toBe(config.extraMetadata.main);
    expect(pkg.type).toBe('module');
    expect(readFileSync(join(root, pkg.main), 'utf8')).toMatch(/from "electron"/);
  });

  it('main, preload and renderer exist and are all packed (and no source maps)', () => {
    const patterns = config.files.flatMap((f) => f.filter);
    const include = patterns.filter((p) => !p.startsWith('!'));
    const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    const packed = (file: string) =>
      include.some((p) => matchesGlob(file, p)) && !exclude.some((p) => matchesGlob(file, p));
    for (const file of required()) {
      expect(existsSync(join(root, file)), file).toBe(true);
      expect(packed(file), file).toBe(true);
    }
    // Data the service reads at run time, found by walking up from out/main.
    expect(packed('checklists/token-install.yaml')).toBe(true);
    expect(packed('out/main/index.js.map')).toBe(false);
    expect(packed('main/electron/index.ts')).toBe(false);
    expect(packed('tsconfig.json')).toBe(false);
    expect(packed('out/cli/xaso.js')).toBe(false);
  });

  it('the preload is CommonJS and the renderer loads only relative, existing assets', () => {
    expect(paths.preload.endsWith('.cjs')).toBe(true);
    const html = readFileSync(join(paths.rendererDir, 'index.html'), 'utf8');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^\.\//);
      expect(existsSync(join(paths.rendererDir, ref)), ref).toBe(true);
    }
    // script-src 'self' forbids inline script: every <script> must have a src.
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
    expect(dirname(paths.preload)).toBe(join(root, 'out', 'preload'));
  });
});
