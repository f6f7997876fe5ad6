/**
 * Citation markers in answer text: `[2]`, `[1, 3]`, `[1–3]`, `[Source 2]`, `【2】`.
 * Models vary in how they write them; every variant is read, and the answer
 * shows them one way: `[1][3]`.
 */

/** One marker group as written, e.g. "[1, 3]". Keep in step with `MARKER_PREFIX`. */
export const MARKER_PATTERN = String.raw`\[(?:(?:sources?|src|s)\s*)?\d{1,3}(?:\s*(?:,|;|–|-|and|&)\s*(?:(?:sources?|s)\s*)?\d{1,3})*\]|【\d{1,3}】`;

/** An unclosed bracket at the end of streamed text may be the start of a marker: wait for the rest. */
export const UNFINISHED_MARKER = /[[【][^\]】\n]{0,30}$/;

/** A range wider than this is not a citation ("[1-100]" is more likely a typo or a range in prose). */
const MAX_RANGE_WIDTH = 10;

export interface MarkerMatch {
  /** Index of the marker group in the text. */
  index: number;
  /** Length of the marker group as written. */
  length: number;
  /** The source numbers it names, in order, without duplicates. */
  numbers: number[];
}

/** Every marker group in `text`, in order. */
export function findMarkers(text: string): MarkerMatch[] {
  const markers: MarkerMatch[] = [];
  for (const match of text.matchAll(new RegExp(MARKER_PATTERN, 'gi'))) {
    markers.push({ index: match.index, length: match[0].length, numbers: parseMarkerNumbers(match[0]) });
  }
  return markers;
}

/** "[1, 3]" → [1, 3]; "[2–4]" → [2, 3, 4]. */
export function parseMarkerNumbers(marker: string): number[] {
  const numbers: number[] = [];
  const add = (n: number) => {
    if (!numbers.includes(n)) numbers.push(n);
  };
  const body = marker.slice(1, -1).toLowerCase().replace(/sources?|src|s/g, '');
  for (const part of body.split(/\s*(?:,|;|and|&)\s*/)) {
    const range = part.match(/^(\d+)\s*[–-]\s*(\d+)$/);
    if (range) {
      const [low, high] = [Number(range[1]), Number(range[2])];
      if (high >= low && high - low <= MAX_RANGE_WIDTH) for (let n = low; n <= high; n++) add(n);
      continue;
    }
    const single = part.trim().match(/^\d+$/);
    if (single) add(Number(part.trim()));
  }
  return numbers;
}

/** "[1][3]": how the answer shows the sources a marker group names. */
export function formatMarkers(numbers: readonly number[]): string {
  return numbers.map((n) => `[${n}]`).join('');
}

/** The text without any marker groups (for comparing quotes, counting words). */
export function stripMarkers(text: string): string {
  return text.replace(new RegExp(`\\s*(?:${MARKER_PATTERN})`, 'gi'), '');
}
