/** A page may end this far back from its limit to land on a paragraph or sentence end. */
const MIN_PAGE_FILL = 0.5;
const SENTENCE_END = /[.!?…]["'”’)\]]*\s+/g;

/**
 * Cut `text` into pages of at most `pageChars` characters, breaking at the
 * last paragraph end that leaves the page at least half full, else the last
 * sentence end, else the last space, else mid-word (a 3,000-character token).
 * Returns [start, end) offsets; pages cover the text in order, and whitespace
 * at a break belongs to neither page.
 */
export function paginate(text: string, pageChars: number): { start: number; end: number }[] {
  const size = Math.max(1, Math.trunc(pageChars));
  const pages: { start: number; end: number }[] = [];
  let start = skipSpace(text, 0);
  while (start < text.length) {
    if (text.length - start <= size) {
      pages.push({ start, end: trimEnd(text, start, text.length) });
      break;
    }
    const end = breakPoint(text, start, size);
    pages.push({ start, end: trimEnd(text, start, end) });
    start = skipSpace(text, end);
  }
  return pages;
}

function breakPoint(text: string, start: number, size: number): number {
  const window = text.slice(start, start + size);
  const least = Math.max(1, Math.floor(size * MIN_PAGE_FILL));
  const paragraph = window.lastIndexOf('\n\n');
  if (paragraph >= least) return start + paragraph;
  let sentence = -1;
  for (const match of window.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (end >= least && end <= window.length) sentence = end;
  }
  if (sentence >= least) return start + sentence;
  const space = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\n'));
  if (space >= least) return start + space;
  // No break in sight: cut, but never between the halves of a surrogate pair.
  const cut = start + size;
  return isLowSurrogate(text.charCodeAt(cut)) && cut - 1 > start ? cut - 1 : cut;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && /\s/.test(text[i - 1]!)) i--;
  return i;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
