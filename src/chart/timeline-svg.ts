import type { Timeline } from '../search/retriever.js';

/**
 * A timeline as an SVG bar chart, written by hand: bars are the statements
 * that mention the topic per period (left axis), the line is their share of
 * the period's statements (right axis) — a count alone misleads where the
 * number of speakers grew. Quoted periods carry their quote's number above the
 * bar. Plain SVG with one font family, so resvg (png.ts) draws it the same on
 * every machine.
 */

export const CHART_WIDTH_PX = 960;
export const CHART_HEIGHT_PX = 440;
/** The top margin holds the title, the legend and the quote numbers above the tallest bar. */
const MARGIN = { left: 64, right: 64, top: 84, bottom: 44 };
const BAR_COLOUR = '#5865f2';
const SHARE_COLOUR = '#e67e22';
const AXIS_COLOUR = '#555555';
const GRID_COLOUR = '#e3e3e3';
/** At most this many labels under the x axis; the rest of the periods are ticks. */
const MAX_X_LABELS = 14;
const Y_TICKS = 4;
export const CHART_FONT_FAMILY = 'Inter';

/** The chart's title: what is counted, and how. */
export function chartTitle(timeline: Timeline, filters: string): string {
  return `Statements mentioning “${timeline.topic}”, per ${timeline.granularity}${filters ? ` (${filters})` : ''}`;
}

export function timelineSvg(timeline: Timeline, filters = ''): string {
  const { periods } = timeline;
  const width = CHART_WIDTH_PX - MARGIN.left - MARGIN.right;
  const height = CHART_HEIGHT_PX - MARGIN.top - MARGIN.bottom;
  const counts = countAxis(Math.max(1, ...periods.map((period) => period.matching)));
  const maxCount = counts.max;
  const shares = periods.map((period) => (period.statements > 0 ? (100 * period.matching) / period.statements : 0));
  const maxShare = niceCeiling(Math.max(1, ...shares));
  const slot = width / Math.max(1, periods.length);
  const x = (i: number) => MARGIN.left + slot * i;
  const yCount = (n: number) => MARGIN.top + height - (height * n) / maxCount;
  const yShare = (share: number) => MARGIN.top + height - (height * share) / maxShare;
  const parts: string[] = [];
  const text = (tx: number, ty: number, content: string, attrs = '') => parts.push(`<text x="${round(tx)}" y="${round(ty)}" ${attrs}>${escapeXml(content)}</text>`);

  for (let t = 0; t <= counts.ticks; t++) {
    const y = yCount(counts.step * t);
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + width}" y1="${round(y)}" y2="${round(y)}" stroke="${GRID_COLOUR}"/>`);
    text(MARGIN.left - 8, y + 4, String(counts.step * t), `text-anchor="end" fill="${BAR_COLOUR}" font-size="12"`);
    text(MARGIN.left + width + 8, y + 4, `${formatNumber((maxShare * t) / counts.ticks)}%`, `fill="${SHARE_COLOUR}" font-size="12"`);
  }
  periods.forEach((period, i) => {
    if (period.matching === 0) return;
    const top = yCount(period.matching);
    parts.push(`<rect x="${round(x(i) + slot * 0.1)}" y="${round(top)}" width="${round(Math.max(1, slot * 0.8))}" height="${round(MARGIN.top + height - top)}" fill="${BAR_COLOUR}"/>`);
  });
  const line = periods.map((_, i) => `${round(x(i) + slot / 2)},${round(yShare(shares[i]!))}`).join(' ');
  if (periods.length > 1) parts.push(`<polyline points="${line}" fill="none" stroke="${SHARE_COLOUR}" stroke-width="2"/>`);
  timeline.quotes.forEach((quote, n) => {
    const i = periods.findIndex((period) => period.period === quote.period);
    if (i !== -1) text(x(i) + slot / 2, yCount(periods[i]!.matching) - 6, String(n + 1), `text-anchor="middle" font-size="13" font-weight="bold" fill="#222222"`);
  });
  const step = labelStep(periods.length);
  periods.forEach((period, i) => {
    // Years on round numbers (1950, 1960), months counted from the first.
    if ((timeline.granularity === 'year' ? Number(period.period) : i) % step !== 0) return;
    parts.push(`<line x1="${round(x(i) + slot / 2)}" x2="${round(x(i) + slot / 2)}" y1="${MARGIN.top + height}" y2="${MARGIN.top + height + 5}" stroke="${AXIS_COLOUR}"/>`);
    text(x(i) + slot / 2, MARGIN.top + height + 20, period.period, `text-anchor="middle" font-size="12" fill="${AXIS_COLOUR}"`);
  });
  parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + width}" y1="${MARGIN.top + height}" y2="${MARGIN.top + height}" stroke="${AXIS_COLOUR}"/>`);
  text(MARGIN.left, 26, truncateTitle(chartTitle(timeline, filters)), `font-size="17" font-weight="bold" fill="#222222"`);
  parts.push(`<rect x="${MARGIN.left}" y="38" width="12" height="12" fill="${BAR_COLOUR}"/>`);
  text(MARGIN.left + 18, 49, 'statements mentioning it (left)', `font-size="13" fill="#222222"`);
  parts.push(`<line x1="${MARGIN.left + 250}" x2="${MARGIN.left + 266}" y1="44" y2="44" stroke="${SHARE_COLOUR}" stroke-width="2"/>`);
  text(MARGIN.left + 272, 49, `share of the ${timeline.granularity}'s statements (right)`, `font-size="13" fill="#222222"`);
  if (periods.length === 0) text(CHART_WIDTH_PX / 2, MARGIN.top + height / 2, 'No dated statements in range', `text-anchor="middle" font-size="16" fill="${AXIS_COLOUR}"`);

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH_PX}" height="${CHART_HEIGHT_PX}" viewBox="0 0 ${CHART_WIDTH_PX} ${CHART_HEIGHT_PX}" font-family="${CHART_FONT_FAMILY}">
<rect width="100%" height="100%" fill="#ffffff"/>
${parts.join('\n')}
</svg>`;
}

/** 1, 2, 2.5, 5 × 10ⁿ at or above `n`: round axis ends. */
export function niceCeiling(n: number): number {
  const power = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 2.5, 5, 10].map((step) => step * power).find((value) => value >= n)!;
}

/**
 * The count axis: whole numbers only (a count of 0.25 statements means
 * nothing), at most Y_TICKS gridlines, at a round step reaching the highest count.
 */
export function countAxis(highest: number): { ticks: number; step: number; max: number } {
  const ticks = Math.min(Y_TICKS, highest);
  const step = Math.ceil(niceCeiling(highest / ticks));
  return { ticks, step, max: step * ticks };
}

/** Label every period, every 2nd, 5th, 10th… so at most MAX_X_LABELS show. */
function labelStep(periods: number): number {
  for (const step of [1, 2, 3, 5, 10, 20, 25, 50, 100]) if (periods / step <= MAX_X_LABELS) return step;
  return Math.ceil(periods / MAX_X_LABELS);
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function round(n: number): string {
  return n.toFixed(1).replace(/\.0$/, '');
}

/** A topic is typed by people: a long one would run off the image. */
function truncateTitle(title: string): string {
  const max = 90;
  return title.length <= max ? title : `${title.slice(0, max - 1)}…`;
}

export function escapeXml(text: string): string {
  // Control characters are not allowed in XML 1.0 at all.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, '').replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
