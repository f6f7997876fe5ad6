import { isHighSurrogate } from './limits.js';

/** A citation marker as the answerer writes them: [1], [12], or grouped [1, 3]. */
const CITATION = /\[\d+(?:\s*,\s*\d+)*\]/g;

/** A chunk shorter than this fraction of the limit means the boundary was badly placed; look for a finer one. */
const MIN_FILL = 0.5;

/**
 * Split `text` into pieces of at most `maxChars`, preferring to cut between
 * paragraphs, then lines, then sentences, then words; never inside a citation
 * marker, and a marker that follows a sentence stays with that sentence.
 * Concatenating the pieces with the cut whitespace gives back the text.
 * Split plain text and escape the pieces afterwards (render-answer-text.ts):
 * split after escaping, a cut could fall inside an escape.
 */
export function splitMessage(text: string, maxChars: number): string[] {
  if (maxChars < 16) throw new RangeError(`maxChars must be at least 16, got ${maxChars}`);
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > maxChars) {
    const cut = findCut(rest, maxChars);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** The index to cut `text` at so the first piece is ≤ maxChars and the cut is at the best boundary found. */
function findCut(text: string, maxChars: number): number {
  const markers = [...text.matchAll(CITATION)].map((m) => [m.index, m.index + m[0].length] as const);
  const insideMarker = (i: number) => markers.some(([start, end]) => i > start && i < end);
  // A marker belongs to the text before it: never start a piece with one.
  const beforeMarker = (i: number) => /^\s*\[\d/.test(text.slice(i, i + 8));
  const minimum = Math.floor(maxChars * MIN_FILL);
  const window = text.slice(0, maxChars + 1);

  for (const boundary of [/\n\s*\n/g, /\n/g, /[.!?…]["”’)]*(?:\s*\[\d+(?:\s*,\s*\d+)*\])*[.]?(?=\s)/g, /\s/g]) {
    let best = -1;
    for (const match of window.matchAll(boundary)) {
      // Cut after a sentence end (and its trailing markers); before whitespace.
      const cut = boundary.source.startsWith('[.!?') ? match.index + match[0].length : match.index;
      if (cut > 0 && cut <= maxChars && !insideMarker(cut) && !beforeMarker(cut)) best = cut;
    }
    if (best >= minimum) return best;
  }
  // No boundary at all (one enormous word): a hard cut, clear of markers and surrogate pairs.
  let cut = maxChars;
  while (cut > 1 && (insideMarker(cut) || isHighSurrogate(text.charCodeAt(cut - 1)))) cut -= 1;
  return cut;
}
