/**
 * The Electron hardening rules as plain data and small functions (Electron security checklist,
 * https://www.electronjs.org/docs/latest/tutorial/security). No runtime import of 'electron':
 * `index.ts` passes the real objects in, tests pass fakes.
 */

/** The custom scheme the renderer is served from (checklist item 18: no `file://`). */
export const APP_SCHEME = 'app';
/** The one host of that scheme. */
export const APP_HOST = 'xaso';
/** The first page of the app. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Content-Security-Policy sent with every response of the `app://` protocol: only our own
 * files, no inline script, no remote anything, no plugins, no framing, no form posts.
 * Inline styles are allowed because React's `style` prop needs them.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Hosts (and their subdomains) that links in the app may open in the user's browser: the
 * national portals and the certificate authorities' own sites (shared/DOMAIN.md §0–§4).
 * Resellers' blogs are deliberately absent.
 */
export const EXTERNAL_ALLOWED_HOSTS: readonly string[] = [
  'dichvucong.gov.vn', // Cổng Dịch vụ công quốc gia
  'vneid.gov.vn', // VNeID
  'ca.gov.vn', // Ban Cơ yếu Chính phủ / VGCA
  'rootca.gov.vn', // Vietnam National Root CA (NEAC)
  'neac.gov.vn', // NEAC
  'vnpt-ca.vn', // VNPT-CA (kyso.vnpt-ca.vn)
  'smartca.vnpt.vn', // VNPT SmartCA
  'viettelca.vn', // Viettel-CA
  'bkavca.vn', // BKAV-CA
  'ca.cmc.vn', // CMC-CA
  'safecert.com.vn', // SAFE-CA
  'efyca.vn', // EFY-CA
  'fastca.vn', // FastCA
];

/** True for an `https:` URL on an allow-listed host, without credentials or an odd port. */
export function isAllowedExternal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') {
    return false;
  }
  if (parsed.port !== '') return false;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  return EXTERNAL_ALLOWED_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

/** True when `url` is a page of the app itself (`app://xaso/…`). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** An event that can be cancelled, as Electron's navigation events are. */
export type PreventableEvent = { preventDefault: () => void };
/** A navigation event: Electron 25+ puts the target in `event.url`. */
export type NavigationEvent = PreventableEvent & { url: string };

/** The part of a `WebContents` that `hardenWebContents` touches. */
export interface HardenableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Opens a URL in the user's browser (`shell.openExternal`). */
export type OpenExternal = (url: string) => Promise<void>;

/**
 * Locks down one web contents (checklist items 12–15): no navigation away from the app, no new
 * windows, no `<webview>`. Links to allow-listed sites open in the system browser instead.
 */
export function hardenWebContents(contents: HardenableContents, openExternal: OpenExternal): void {
  const openIfAllowed = (url: string): void => {
    if (isAllowedExternal(url)) openExternal(url).catch(() => undefined);
  };
  const blockNavigation = (event: NavigationEvent): void => {
    event.preventDefault();
    openIfAllowed(event.url);
  };
  contents.on('will-navigate', blockNavigation);
  contents.on('will-redirect', blockNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
}

/** The part of a `Session` that `lockDownSession` touches. */
export interface LockableSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  webRequest: {
    onBeforeRequest(
      filter: { urls: string[] },
      listener: (
        details: RendererRequestDetails,
        callback: (response: { cancel: boolean }) => void,
      ) => void,
    ): void;
  };
}

/** What `shouldBlockRequest` needs to know about a request. */
export type RendererRequestDetails = Readonly<{ url: string; webContentsId?: number }>;

/**
 * True when a request must not leave the app: anything a page asks for outside `app://`,
 * `data:`, `blob:` and DevTools (checklist item 1: no remote content). Requests made by the
 * main process itself (no `webContentsId`) are not the renderer's and pass.
 */
export function shouldBlockRequest(details: RendererRequestDetails): boolean {
  if (details.webContentsId === undefined) return false;
  if (isAppUrl(details.url)) return false;
  return !/^(data|blob|devtools):/i.test(details.url);
}

/**
 * Denies every permission (camera, notifications, USB, serial, geolocation…: the UI needs none)
 * and cancels every remote request a page makes (checklist items 1 and 5).
 */
export function lockDownSession(session: LockableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback({ cancel: shouldBlockRequest(details) });
  });
}
