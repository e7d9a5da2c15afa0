/** `xaso serve`'s configuration: file and environment, the environment winning; safe defaults. */
import { describe, expect, it } from 'vitest';

import { listenAddress, loadServerConfig } from '../../../main/server/config.js';

describe('server config', () => {
  it('takes the database from DATABASE_URL over the file, with bounded defaults', () => {
    const loaded = loadServerConfig(JSON.stringify({ databaseUrl: 'postgresql:///file' }), {
      DATABASE_URL: 'postgresql:///env',
    });
    expect(loaded).toMatchObject({
      ok: true,
      config: {
        databaseUrl: 'postgresql:///env',
        listen: '127.0.0.1:8080',
        maxBodyBytes: 20 * 1024 * 1024,
        maxConcurrent: 64,
        behindProxy: false,
      },
    });
  });

  it('says what is missing or wrong in one sentence', () => {
    expect(loadServerConfig(undefined, {})).toEqual({
      ok: false,
      message: {
        vi: 'Thiếu địa chỉ cơ sở dữ liệu PostgreSQL: đặt biến DATABASE_URL (hoặc databaseUrl trong tệp cấu hình).',
        en: 'No PostgreSQL database address: set DATABASE_URL (or databaseUrl in the config file).',
      },
    });
    expect(loadServerConfig('{', {})).toMatchObject({ ok: false, message: { en: /not JSON/ } });
    expect(
      loadServerConfig(undefined, { DATABASE_URL: 'x', XASO_LISTEN: 'everywhere' }),
    ).toMatchObject({ ok: false, message: { vi: /^Cấu hình sai ở listen: HOST:PORT/ } });
  });

  it('listens beyond loopback only with TLS or behind a reverse proxy', () => {
    const env = { DATABASE_URL: 'x', XASO_LISTEN: '0.0.0.0:8443' };
    expect(loadServerConfig(undefined, env)).toMatchObject({
      ok: false,
      message: { en: /loopback only/ },
    });
    expect(loadServerConfig(undefined, { ...env, XASO_BEHIND_PROXY: '1' })).toMatchObject({
      ok: true,
    });
    const tls = loadServerConfig(undefined, {
      ...env,
      XASO_TLS_CERT: '/etc/xaso/cert.pem',
      XASO_TLS_KEY: '/etc/xaso/key.pem',
    });
    expect(tls).toMatchObject({ ok: true, config: { tls: { certFile: '/etc/xaso/cert.pem' } } });
    if (tls.ok) expect(listenAddress(tls.config)).toEqual({ host: '0.0.0.0', port: 8443 });
  });

  it('refuses a first admin password shorter than 12 characters', () => {
    expect(
      loadServerConfig(undefined, { DATABASE_URL: 'x', XASO_ADMIN_PASSWORD: 'short' }),
    ).toMatchObject({ ok: false, message: { en: /bootstrapAdmin.password/ } });
  });
});
