/**
 * The main window: hardened options (Electron security checklist items 2–11) and its creation.
 * `BrowserWindow` is passed in by `index.ts`, so this file never loads Electron itself.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';

import type { AppPaths } from './paths.js';
import { APP_ENTRY_URL } from './security.js';

/** Options of `mainWindowOptions` besides the paths. */
export type MainWindowFlags = Readonly<{
  /** DevTools in development only (`!app.isPackaged`). */
  devTools: boolean;
}>;

/** The main window's options: isolated, sandboxed, no Node, our preload only. */
export function mainWindowOptions(
  paths: AppPaths,
  flags: MainWindowFlags,
): BrowserWindowConstructorOptions {
  return {
    title: 'Xã Số',
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: paths.preload,
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
      safeDialogs: true,
      spellcheck: false,
      devTools: flags.devTools,
    },
  };
}

/** What `createMainWindow` needs from Electron. */
export type WindowDeps = Readonly<{
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  paths: AppPaths;
  flags: MainWindowFlags;
}>;

/**
 * Creates the main window and loads the renderer from `app://xaso/index.html`. The window shows
 * once the first paint is ready, so the user never sees a white flash.
 */
export function createMainWindow(deps: WindowDeps): BrowserWindow {
  const window = new deps.BrowserWindow(mainWindowOptions(deps.paths, deps.flags));
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('Không mở được giao diện / Could not load the UI:', error);
  });
  return window;
}
