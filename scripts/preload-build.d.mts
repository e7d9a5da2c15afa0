import type { BuildOptions } from 'esbuild';

/** esbuild options of the preload bundle (see preload-build.mjs). */
export declare const preloadBuildOptions: BuildOptions & { entryPoints: string[] };
