/**
 * Links in model text: masked links `[label](url)`, `<url>` and bare
 * `https://…` or `www.…`. A model can be steered (by a passage, or by a
 * question) into adding a phishing link to a cited sentence; a link is kept
 * only when the cited statement itself carries it (in its text or as its
 * address), and then only as plain text — the renderer decides how a kept URL
 * is shown.
 */

export interface FoundLink {
  start: number;
  end: number;
  url: string;
  /** The visible text of a masked link. */
  label?: string;
}

const MASKED = /\[([^\]\n]{1,300})\]\(\s*<?([^\s()<>]+)>?(?:\s+["'][^"'\n]*["'])?\s*\)/g;
const ANGLED = /<((?:https?|ftp):\/\/[^\s<>]+)>/gi;
const BARE = /\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>()[\]{}"'“”]+/gi;
/** Punctuation that ends a sentence after a URL rather than belonging to it. */
const TRAILING = /[.,;:!?'"”’)\]]+$/;

/** Every link in `text`, in order, not overlapping. */
export function urlsIn(text: string): FoundLink[] {
  const found: FoundLink[] = [];
  const overlaps = (start: number, end: number) => found.some((link) => start < link.end && end > link.start);
  for (const match of text.matchAll(MASKED)) found.push({ start: match.index, end: match.index + match[0].length, url: match[2]!, label: match[1]! });
  for (const match of text.matchAll(ANGLED)) {
    if (!overlaps(match.index, match.index + match[0].length)) found.push({ start: match.index, end: match.index + match[0].length, url: match[1]! });
  }
  for (const match of text.matchAll(BARE)) {
    const url = match[0].replace(TRAILING, '');
    if (!overlaps(match.index, match.index + url.length)) found.push({ start: match.index, end: match.index + url.length, url });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The form two URLs are compared in: no scheme, no "www.", lower-case host, no trailing slash. */
export function normaliseUrl(url: string): string {
  const bare = url.trim().replace(TRAILING, '').replace(/^(?:https?|ftp):\/\//i, '').replace(/^www\./i, '');
  const slash = bare.indexOf('/');
  const host = (slash === -1 ? bare : bare.slice(0, slash)).toLowerCase();
  const path = slash === -1 ? '' : bare.slice(slash);
  return `${host}${path}`.replace(/\/+$/, '');
}

/** Words that only lead up to a link ("available at", "see …"): gone with the link. */
const LEAD_IN = /[,;]?\s*\b(?:at|from|see|visit|via|on|under|here)\s*:?\s*$/i;

/**
 * The text with every link `isAllowed` refuses removed — a masked link keeps
 * its label, a bare one goes with the words leading up to it. An allowed link
 * stays as written (a quotation of the source keeps its words; the renderer
 * shows it as text).
 */
export function resolveLinks(text: string, isAllowed: (url: string) => boolean): { text: string; removed: number } {
  const links = urlsIn(text);
  if (links.length === 0) return { text, removed: 0 };
  let out = '';
  let at = 0;
  let removed = 0;
  for (const link of links) {
    let head = text.slice(at, link.start);
    const allowed = isAllowed(link.url);
    if (allowed) out += head + text.slice(link.start, link.end);
    else {
      removed++;
      if (link.label === undefined) head = head.replace(LEAD_IN, ' ');
      out += head + (link.label ?? '');
    }
    at = link.end;
  }
  out += text.slice(at);
  return { text: tidy(out), removed };
}

/** Spaces left where a link was: none doubled, none before punctuation or a citation. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+([.,;:!?])/g, '$1')
    .replace(/\(\s*\)/g, '')
    .replace(/,(\s*[.!?])/g, '$1')
    .trim();
}
