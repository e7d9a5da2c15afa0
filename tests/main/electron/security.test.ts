import { describe, expect, it } from 'vitest';

import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  hardenWebContents,
  isAllowedExternal,
  isAppUrl,
  lockDownSession,
  shouldBlockRequest,
  type HardenableContents,
  type LockableSession,
  type NavigationEvent,
  type RendererRequestDetails,
} from '../../../main/electron/security.js';

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the strict policy of the security checklist', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('never allows inline or evaluated script, nor any remote origin', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*|ws:/);
  });
});

describe('isAllowedExternal', () => {
  it.each([
    'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html',
    'https://vneid.gov.vn/',
    'https://ca.gov.vn/tai-phan-mem',
    'https://rootca.gov.vn/crt/vnrca256.p7b',
    'https://kyso.vnpt-ca.vn/',
    'https://smartca.vnpt.vn/help/docs/',
    'https://viettelca.vn/huong-dan-dung-sim-ca-viettel',
    'https://bkavca.vn/',
    'https://ca.cmc.vn/huong-dan-su-dung-token-manager-tren-moi-truong-windows.html',
    'https://www.safecert.com.vn/',
    'https://DICHVUCONG.GOV.VN./',
  ])('allows %s', (url) => {
    expect(isAllowedExternal(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://dichvucong.gov.vn/'],
    ['a look-alike suffix', 'https://dichvucong.gov.vn.evil.example/'],
    ['a look-alike prefix', 'https://fakedichvucong.gov.vn/'],
    ['credentials', 'https://user:pass@vneid.gov.vn/'],
    ['an odd port', 'https://vneid.gov.vn:8443/'],
    ['a file URL', 'file:///C:/Windows/System32/calc.exe'],
    ['a script URL', 'javascript:alert(1)'],
    ['a reseller blog', 'https://chukysoviettel-ca.com/about/'],
    ['the bare parent of an allowed subdomain', 'https://vnpt.vn/'],
    ['garbage', 'not a url'],
    ['an app page', APP_ENTRY_URL],
  ])('refuses %s', (_name, url) => {
    expect(isAllowedExternal(url)).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('knows our own pages from everything else', () => {
    expect(isAppUrl('app://xaso/index.html')).toBe(true);
    expect(isAppUrl('app://xaso/assets/index.js')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('file:///work/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('https://xaso/')).toBe(false);
  });
});

/** A fake web contents that records its listeners and handler. */
function fakeContents() {
  const listeners = new Map<string, (event: NavigationEvent) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents: HardenableContents = {
    on(event: string, listener: (event: NavigationEvent) => void) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  };
  const opened: string[] = [];
  hardenWebContents(contents, (url) => {
    opened.push(url);
    return Promise.resolve();
  });
  const fire = (name: string, url: string): boolean => {
    let prevented = false;
    listeners.get(name)!({ url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { listeners, open: (url: string) => openHandler!({ url }), fire, opened };
}

describe('hardenWebContents', () => {
  it('registers navigation, redirect, webview and window-open guards', () => {
    const { listeners } = fakeContents();
    expect([...listeners.keys()].sort()).toEqual([
      'will-attach-webview',
      'will-navigate',
      'will-redirect',
    ]);
  });

  it.each(['will-navigate', 'will-redirect'])('%s is always prevented', (name) => {
    const { fire, opened } = fakeContents();
    expect(fire(name, 'https://evil.example/')).toBe(true);
    expect(fire(name, APP_ENTRY_URL)).toBe(true);
    expect(fire(name, 'https://dichvucong.gov.vn/')).toBe(true);
    expect(opened).toEqual(['https://dichvucong.gov.vn/']);
  });

  it('denies every new window, opening only allow-listed links in the browser', () => {
    const { open, opened } = fakeContents();
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('https://vneid.gov.vn/')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://vneid.gov.vn/']);
  });

  it('prevents attaching a webview', () => {
    const { fire } = fakeContents();
    expect(fire('will-attach-webview', 'https://evil.example/')).toBe(true);
  });
});

describe('lockDownSession', () => {
  function lockedSession() {
    const handlers: {
      request?: Parameters<LockableSession['setPermissionRequestHandler']>[0];
      check?: () => boolean;
      device?: () => boolean;
      beforeRequest?: (d: RendererRequestDetails, cb: (r: { cancel: boolean }) => void) => void;
      filter?: { urls: string[] };
    } = {};
    lockDownSession({
      setPermissionRequestHandler: (h) => (handlers.request = h),
      setPermissionCheckHandler: (h) => (handlers.check = h),
      setDevicePermissionHandler: (h) => (handlers.device = h),
      webRequest: {
        onBeforeRequest: (filter, listener) => {
          handlers.filter = filter;
          handlers.beforeRequest = listener;
        },
      },
    });
    return handlers;
  }

  it.each([
    'media',
    'geolocation',
    'notifications',
    'usb',
    'serial',
    'hid',
    'openExternal',
    'clipboard-read',
  ])('denies the %s permission request', (permission) => {
    const answers: boolean[] = [];
    lockedSession().request!({}, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
  });

  it('denies permission and device checks', () => {
    const handlers = lockedSession();
    expect(handlers.check!()).toBe(false);
    expect(handlers.device!()).toBe(false);
  });

  it('cancels remote requests from pages, for every URL', () => {
    const handlers = lockedSession();
    expect(handlers.filter).toEqual({ urls: ['<all_urls>'] });
    const answers: boolean[] = [];
    handlers.beforeRequest!({ url: 'https://cdn.example/x.js', webContentsId: 1 }, (r) =>
      answers.push(r.cancel),
    );
    handlers.beforeRequest!({ url: 'app://xaso/assets/x.js', webContentsId: 1 }, (r) =>
      answers.push(r.cancel),
    );
    expect(answers).toEqual([true, false]);
  });
});

describe('shouldBlockRequest', () => {
  it.each([
    ['http://127.0.0.1:8080/', 1, true],
    ['https://dichvucong.gov.vn/', 1, true],
    ['wss://127.0.0.1:8987/SignPDF', 1, true],
    ['file:///etc/passwd', 1, true],
    ['app://other/x.js', 1, true],
    ['app://xaso/assets/index.js', 1, false],
    ['data:image/png;base64,AAAA', 1, false],
    ['blob:app://xaso/1234', 1, false],
    ['devtools://devtools/bundled/inspector.html', 1, false],
    ['https://rootca.gov.vn/crl/vnrca256.crl', undefined, false],
  ] as const)('%s from contents %s → block %s', (url, webContentsId, blocked) => {
    const details = webContentsId === undefined ? { url } : { url, webContentsId };
    expect(shouldBlockRequest(details)).toBe(blocked);
  });
});
