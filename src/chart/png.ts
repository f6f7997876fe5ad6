import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type { Timeline } from '../search/retriever.js';
import { CHART_FONT_FAMILY, timelineSvg } from './timeline-svg.js';

/**
 * Charts as PNG images: the SVG drawn by resvg (@resvg/resvg-js: Rust's resvg
 * through napi-rs, its binary shipped as an npm package per platform, nothing
 * built or downloaded at install). Text is drawn with the Inter font from an
 * npm package (@expo-google-fonts/inter, OFL), never the system's: a server or
 * CI machine may have no fonts at all, and the image must be the same everywhere.
 */
const require = createRequire(import.meta.url);
export const CHART_FONT_FILES = [require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'), require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf')];

/** An SVG document as PNG bytes, at its own size. */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, { font: { fontFiles: CHART_FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY }, background: '#ffffff' });
  return resvg.render().asPng();
}

/** A timeline's chart as a PNG; `filters` describes what it was limited to, for its title. */
export function timelinePng(timeline: Timeline, filters = ''): Buffer {
  return svgToPng(timelineSvg(timeline, filters));
}
