/**
 * SVG → PNG with resvg compiled to WebAssembly (`@resvg/resvg-wasm`): no native addon, no
 * system fonts (the documents' serif, Tinos, is handed in as whole TTFs, so every Vietnamese letter renders
 * the same on Windows, Linux and in CI). The module is initialised once per process, on first use.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import type * as ResvgWasm from '@resvg/resvg-wasm';

import { SERIF_FAMILY, fontBytes } from '../reports/fonts.js';

type ResvgModule = typeof ResvgWasm;

let ready: Promise<ResvgModule> | undefined;

async function load(): Promise<ResvgModule> {
  const mod = await import('@resvg/resvg-wasm');
  const wasm = readFileSync(
    createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm'),
  );
  await mod.initWasm(wasm);
  return mod;
}

/** The PNG of `svg` at `scale` × its own size (2 by default: sharp in print at ~16 cm wide). */
export async function svgToPng(svg: string, scale = 2): Promise<Buffer> {
  ready ??= load().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  const { Resvg } = await ready;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: false,
      fontBuffers: [fontBytes('400Regular'), fontBytes('700Bold')],
      defaultFontFamily: SERIF_FAMILY,
      serifFamily: SERIF_FAMILY,
    },
  });
  const image = resvg.render();
  try {
    return Buffer.from(image.asPng());
  } finally {
    image.free();
    resvg.free();
  }
}
