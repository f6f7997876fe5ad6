/**
 * Comparing a quotation with its source: both are normalised (Unicode
 * compatibility forms, case, quote characters, dashes, whitespace) so “curly”
 * and "straight" quotes, an en dash for a hyphen or a re-wrapped line still
 * match, while a changed word never does.
 */

const DOUBLE_QUOTES = /["“”„‟«»〝〞＂]/g;
const SINGLE_QUOTES = /['‘’‚‛‹›`´]/g;
const DASHES = /[‐‑‒–—―−]/g;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

function normaliseChar(char: string): string {
  return char
    .normalize('NFKC')
    .toLowerCase()
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(DASHES, '-')
    .replace(INVISIBLE, '');
}

/** A text in comparable form, with where each of its characters came from. */
export interface NormalisedText {
  text: string;
  /** `origin[i]` is the index in the original text of normalised character i. */
  origin: number[];
}

/** Normalise for matching; runs of whitespace become one space. */
export function normaliseForMatch(original: string): NormalisedText {
  let text = '';
  const origin: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < original.length; i++) {
    const code = original.charCodeAt(i);
    if (code < 0x80) {
      // ASCII fast path: most of the corpus; only case and the grave accent change.
      if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) {
        pendingSpace = text.length > 0;
        continue;
      }
      if (pendingSpace) {
        text += ' ';
        origin.push(i);
        pendingSpace = false;
      }
      text += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : code === 0x60 ? "'" : original[i]!;
      origin.push(i);
      continue;
    }
    // Surrogate pairs stay together so NFKC sees the whole character.
    const char = code >= 0xd800 && code <= 0xdbff && i + 1 < original.length ? original.slice(i, i + 2) : original[i]!;
    const at = i;
    if (char.length === 2) i++;
    if (/\s/.test(char)) {
      pendingSpace = text.length > 0;
      continue;
    }
    const normal = char === '…' ? '...' : normaliseChar(char);
    if (normal === '') continue;
    if (pendingSpace) {
      text += ' ';
      origin.push(at);
      pendingSpace = false;
    }
    for (const piece of normal) {
      text += piece;
      origin.push(at);
    }
  }
  return { text, origin };
}

/** Normalised form only (for needles). */
export function normalised(text: string): string {
  return normaliseForMatch(text).text;
}

/** The original text behind normalised range [start, end). */
export function originalSlice(original: string, normal: NormalisedText, start: number, end: number): string {
  const from = normal.origin[start]!;
  const lastOrigin = normal.origin[end - 1]!;
  // The last normalised char may stand for a two-unit character or an ellipsis; include all of it.
  let to = lastOrigin + 1;
  if (to < original.length && /[\udc00-\udfff]/.test(original[to]!)) to++;
  return original.slice(from, to);
}
