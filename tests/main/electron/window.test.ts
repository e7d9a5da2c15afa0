import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';

import { appPaths } from '../../../main/electron/paths.js';
import { APP_ENTRY_URL } from '../../../main/electron/security.js';
import { createMainWindow, mainWindowOptions } from '../../../main/electron/window.js';

const paths = appPaths('/opt/xaso/resources/app.asar');

describe('mainWindowOptions', () => {
  const prefs = mainWindowOptions(paths, { devTools: false }).webPreferences!;

  it('isolates and sandboxes the renderer, without Node', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
  });

  it('loads our bundled CommonJS preload and nothing else', () => {
    expect(prefs.preload).toBe('/opt/xaso/resources/app.asar/out/preload/index.cjs');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('partition');
  });

  it('turns DevTools on only when asked (development)', () => {
    expect(mainWindowOptions(paths, { devTools: true }).webPreferences!.devTools).toBe(true);
  });

  it('waits for the first paint before showing', () => {
    expect(mainWindowOptions(paths, { devTools: false }).show).toBe(false);
  });
});

describe('createMainWindow', () => {
  it('creates the window with those options and loads app://xaso/index.html', () => {
    const made: FakeWindow[] = [];
    class FakeWindow {
      loaded: string[] = [];
      shown = false;
      readonly onceListeners = new Map<string, () => void>();
      constructor(readonly options: BrowserWindowConstructorOptions) {
        made.push(this);
      }
      once(event: string, listener: () => void) {
        this.onceListeners.set(event, listener);
        return this;
      }
      show() {
        this.shown = true;
      }
      loadURL(url: string) {
        this.loaded.push(url);
        return Promise.resolve();
      }
    }
    const window = createMainWindow({
      BrowserWindow: FakeWindow as unknown as new (
        o: BrowserWindowConstructorOptions,
      ) => BrowserWindow,
      paths,
      flags: { devTools: false },
    }) as unknown as FakeWindow;
    expect(made).toEqual([window]);
    expect(window.options).toEqual(mainWindowOptions(paths, { devTools: false }));
    expect(window.loaded).toEqual([APP_ENTRY_URL]);
    expect(window.shown).toBe(false);
    window.onceListeners.get('ready-to-show')!();
    expect(window.shown).toBe(true);
  });
});
