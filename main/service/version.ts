import pkg from '../../package.json' with { type: 'json' };

/** The app's version, from package.json (bundled into each door). */
export const APP_VERSION: string = pkg.version;
