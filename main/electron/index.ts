/**
 * The Electron main process: a table of contents. Every step lives in its own file and is
 * tested there; this file only wires Electron's real objects into them, in order.
 */
import { app, BrowserWindow, protocol, session, shell, type WebContents } from 'electron';

import { createHostContext } from '../../diagnostics/index.js';
import { defaultDataDir } from '../service/data-dir.js';
import { defaultEnv } from '../service/env.js';
import { createService } from '../service/index.js';
import { createSenderCheck, registerElectronIpc } from './ipc.js';
import { appPaths, isWritableDir, resolveDataDir } from './paths.js';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol.js';
import { APP_SCHEME, hardenWebContents, lockDownSession } from './security.js';
import { createMainWindow } from './window.js';

// Before `ready`: the data folder and the app:// scheme. Installed, the app shares its data
// folder with the CLI and the web door; portable, everything (Chromium's profile too) stays in
// XaSoData beside the .exe, so the commune's PC keeps as little as possible.
const host = createHostContext();
const { dataDir, portable } = resolveDataDir(
  process.env,
  defaultDataDir(host.env, host.platform, host.os.homedir()),
  isWritableDir,
);
if (portable) app.setPath('userData', dataDir);
protocol.registerSchemesAsPrivileged([...APP_SCHEME_PRIVILEGES]);

const ourContents = new Set<WebContents>();
let mainWindow: BrowserWindow | undefined;

function openMainWindow(): void {
  const window = createMainWindow({
    BrowserWindow,
    paths: appPaths(app.getAppPath()),
    flags: { devTools: !app.isPackaged },
  });
  const contents = window.webContents;
  ourContents.add(contents);
  contents.once('destroyed', () => ourContents.delete(contents));
  window.on('closed', () => (mainWindow = undefined));
  mainWindow = window;
}

async function onReady(): Promise<void> {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(appPaths(app.getAppPath()).rendererDir));
  lockDownSession(session.defaultSession);
  const service = createService(
    defaultEnv({ door: 'electron', host, dataDir, version: app.getVersion(), portable }),
  );
  await registerElectronIpc(
    service,
    createSenderCheck((sender) => ourContents.has(sender as WebContents)),
  );
  openMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, (url) => shell.openExternal(url));
  });
  app.on('window-all-closed', () => {
    if (host.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      console.error('Xã Số không khởi động được / Xã Số failed to start:', error);
      app.exit(1);
    });
}
