import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Resvg } from '@resvg/resvg-js';
import { CHART_FONT_FILES, svgToPng, timelinePng } from '../../src/chart/png.js';
import { seriesRows, timelineSummary } from '../../src/chart/timeline-text.js';
import { CHART_FONT_FAMILY, countAxis, niceCeiling, timelineSvg } from '../../src/chart/timeline-svg.js';
import type { Timeline } from '../../src/search/retriever.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Seventy-nine years of a topic that rises and falls, like apartheid in the UN debates. */
function apartheidLike(topic = 'apartheid'): Timeline {
  const periods = Array.from({ length: 79 }, (_, i) => {
    const year = 1946 + i;
    const statements = year < 1960 ? 50 : 150 + (i % 7);
    const matching = year < 1952 ? 0 : year <= 1994 ? Math.round(statements * Math.min(0.8, (year - 1950) / 40)) : 3;
    return { period: String(year), matching, statements };
  });
  const statement = { id: 1, slug: 's', externalId: null, source: 's', title: 'Speech', organisation: 'Ghana', date: '1985', language: 'en', url: null };
  return { topic, query: 'text : "apartheid"', granularity: 'year', periods, matching: periods.reduce((s, p) => s + p.matching, 0), unplaced: 2, quotes: [{ period: '1985', reason: 'peak', sentence: 'Apartheid must end.', statement, passageId: 1 }] };
}

/** Pixels that are not white: what was drawn. */
function inkedPixels(svg: string, fontFiles: string[]): number {
  const pixels = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles, defaultFontFamily: CHART_FONT_FAMILY } }).render().pixels;
  let inked = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 200 && pixels[i + 3]! > 0) inked++;
  return inked;
}

test('GIVEN a timeline THEN a PNG under 200 KB whose title is drawn with the bundled font', () => {
  const png = timelinePng(apartheidLike(), 'by Ghana');
  assert.ok(png.subarray(0, 8).equals(PNG_SIGNATURE));
  assert.ok(png.length < 200_000, `${png.length} bytes`);
  assert.ok(!png.equals(timelinePng(apartheidLike('sanctions'), 'by Ghana')), 'a different topic, a different title on the image');
});

test('GIVEN text in the chart THEN resvg draws it from the bundled font, not from the system (CI may have none)', () => {
  const text = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="30" font-family="${CHART_FONT_FAMILY}" font-size="24">apartheid</text></svg>`;
  assert.equal(inkedPixels(text, []), 0, 'without a font file nothing is drawn');
  assert.ok(inkedPixels(text, CHART_FONT_FILES) > 100, 'with the bundled font the word is drawn');
});

test('GIVEN a topic with markup characters THEN the SVG stays well-formed', () => {
  const svg = timelineSvg(apartheidLike('<script>&"x"</script>'));
  assert.match(svg, /&#60;script&#62;&#38;&#34;x&#34;&#60;\/script&#62;/);
  assert.ok(svgToPng(svg).subarray(0, 8).equals(PNG_SIGNATURE));
});

test('GIVEN seventy-nine years THEN the compact series sums decades, the full one keeps every year', () => {
  const timeline = apartheidLike();
  assert.equal(seriesRows(timeline).length, 79);
  const decades = seriesRows(timeline, { compact: true });
  assert.deepEqual(decades.map((row) => row.label), ['1940s', '1950s', '1960s', '1970s', '1980s', '1990s', '2000s', '2010s', '2020s']);
  assert.equal(decades.reduce((sum, row) => sum + row.matching, 0), timeline.matching);
  assert.match(timelineSummary(timeline), /2 of them have no date and are not on the chart\.$/);
});

test('GIVEN axis maxima THEN round numbers at or above them', () => {
  assert.deepEqual([1, 3, 7, 129, 0.4].map(niceCeiling), [1, 5, 10, 200, 0.5]);
});

test('GIVEN the highest count THEN the count axis has whole-number ticks reaching it, at most four', () => {
  assert.deepEqual(countAxis(1), { ticks: 1, step: 1, max: 1 });
  assert.deepEqual(countAxis(3), { ticks: 3, step: 1, max: 3 });
  assert.deepEqual(countAxis(5), { ticks: 4, step: 2, max: 8 });
  assert.deepEqual(countAxis(129), { ticks: 4, step: 50, max: 200 });
});
