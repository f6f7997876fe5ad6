/**
 * Text that came with a statement but is not part of it: website furniture,
 * PDF running heads and page numbers of UN records, photo captions, editors'
 * notes and the fundraising appeal a site appends after the signature.
 */

/** Whole lines of site navigation and buttons (case-insensitive, after trimming). */
const CHROME_LINES: RegExp[] = [
  /^(skip|jump) to (main )?(content|navigation|menu|search)\.?( \| (skip|jump) to (main )?(content|navigation|menu|search)\.?)*$/i,
  /^personal tools$/i,
  /^you are here:.*$/i,
  /^document actions$/i,
  /^(toggle )?(navigation|menu|search|sections|main menu)$/i,
  /^(back to top|top of page|read more|continue reading|print( this( page| article)?)?|e-?mail( this)?( page| article)?|send to a friend)$/i,
  /^(share|share this( page| article| post)?|share on (facebook|twitter|x|whatsapp|telegram|linkedin|reddit|email))(:)?$/i,
  /^((share|tweet|facebook|twitter|whatsapp|telegram|linkedin|reddit|email|print|pinterest|copy link)\s*[|·•,]?\s*){2,}$/i,
  /^(log ?in|sign ?in|log ?out|register|subscribe|subscribe to our newsletter)$/i,
  /^(tags|filed under|categories|category|posted in):.*$/i,
  /^.{0,80}\buses cookies\b.{0,120}$/i,
  /^(previous|next) (post|article|page)(:.*)?$/i,
  /^(this (page|site|document) was )?last (updated|modified)\b.{0,100}$/i,
];

/** Running heads and footers of UN verbatim records, and interpreters' notes (not the speaker's words). */
const RECORD_FURNITURE: RegExp[] = [
  /^\d{2}-\d{5}(\s+\d{1,4}(\/\d{1,4})?)?$/, // job number + page: "05-51234 12"
  /^\d{1,4}(\/\d{1,4})?\s+\d{2}-\d{5}$/, // page + job number: "12 05-51234"
  /^(\d{2}\/\d{2}\/\d{4}\s+)?A\/\d+\/PV\.\d+(\s+\d{2}\/\d{2}\/\d{4})?$/, // "21/09/2004 A/59/PV.3"
  /^(\d{1,4}\s+)?General Assembly\s*[-–—]\s*[A-Z][a-z]+(-[a-z]+)? session(\s+\d{1,4})?$/,
  /^[A-Z][a-z]+(-[a-z]+)? session\s*[-–—]\s*\d{1,2} [A-Z][a-z]+ [\dlIO]{4}(\s+\d{1,4})?$/,
  /^The (Acting )?President returned to the Chair\.$/,
];

/** A line that is only a page number ("12", "- 12 -"). */
const PAGE_NUMBER_LINE = /^[-–—]?\s*\d{1,4}\s*[-–—]?$/;

export function isChromeLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.length > 200) return false;
  return CHROME_LINES.some((pattern) => pattern.test(trimmed));
}

/** A running head, footer or page number: where it stood, a page ended (the sentence may go on after it). */
export function isPageFurniture(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.length > 80) return false;
  return PAGE_NUMBER_LINE.test(trimmed) || RECORD_FURNITURE.some((pattern) => pattern.test(trimmed));
}

/** "… parade in Kabul, Afghanistan, 1989.   Photo: AP" — a caption with a photo credit. */
const PHOTO_CREDIT = /(^|\s|\()(photo|photograph|picture|image|credit|photo credit)s?\s*(:|by)\s*[\p{Lu}©][^.!?]{0,60}\)?\s*$|\s©\s?[\p{Lu}][\w .&-]{0,40}$/iu;
const MAX_CAPTION_CHARS = 400;

/**
 * Remove photo captions (lines ending in a credit such as "Photo: AP") and the
 * image's alt text that scrapers put just before them, recognisable because
 * its words are the caption's words.
 */
export function removePhotoCaptions(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (line.length <= MAX_CAPTION_CHARS && PHOTO_CREDIT.test(line)) {
      // Drop the alt text above (skipping blank lines), if it repeats the caption.
      let i = out.length - 1;
      while (i >= 0 && out[i]!.trim() === '') i--;
      if (i >= 0 && isAltTextOf(out[i]!, line)) out.splice(i);
      continue;
    }
    out.push(line);
  }
  return out;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function isAltTextOf(candidate: string, caption: string): boolean {
  if (candidate.length > MAX_CAPTION_CHARS) return false;
  const captionWords = new Set(words(caption));
  const candidateWords = words(candidate);
  if (candidateWords.length === 0) return false;
  const shared = candidateWords.filter((word) => captionWords.has(word)).length;
  return shared / candidateWords.length >= 0.8;
}

/** An editors' note introduces a republished statement; it is the publisher speaking, not the authors. */
const EDITORS_NOTE = /^(editors?[’']?s?[’']? note|editorial note|note from the editors?|publisher[’']?s note)\s*[:.—–-]/i;
/** How far into the text an editors' note may stand (paragraphs). */
const EDITORS_NOTE_MAX_PARAGRAPH = 3;

export function removeEditorsNotes(paragraphs: string[]): string[] {
  return paragraphs.filter((paragraph, index) => index >= EDITORS_NOTE_MAX_PARAGRAPH || !EDITORS_NOTE.test(paragraph.trim()));
}

/** How a site's own appeal starts: "DONATE to the revolution.", "Support our work", "Subscribe to …". */
const APPEAL_START = /^(donate\b|donations?\b|support (us|our work|this (site|website|work))\b|please (donate|support us|consider (donating|supporting))\b|become a (member|patron|supporter|subscriber)\b|subscribe (to|now)\b|sign up for\b|join our (mailing list|newsletter)\b|follow us\b)/i;
/** A signature line: short, names someone, often dated ("The New Communism Movement of Afghanistan (JAKNA) March 14, 2022"). */
const MAX_SIGNATURE_CHARS = 200;

/**
 * Cut a fundraising or subscription appeal appended after a statement's
 * signature. Only when the appeal follows a short signature-like paragraph in
 * the second half of the text: a statement's own call to donate, in its body,
 * stays.
 */
export function removeAppendedAppeal(paragraphs: string[], looksLikeSignature: (paragraph: string) => boolean): string[] {
  const half = Math.floor(paragraphs.length / 2);
  for (let i = Math.max(1, half); i < paragraphs.length; i++) {
    const previous = paragraphs[i - 1]!.trim();
    if (APPEAL_START.test(paragraphs[i]!.trim()) && previous.length <= MAX_SIGNATURE_CHARS && looksLikeSignature(previous)) {
      return paragraphs.slice(0, i);
    }
  }
  return paragraphs;
}

/**
 * UN verbatim records mark the language spoken: "President Bachelet Jeria (spoke
 * in Spanish):" opening a speech, "(spoke in English)" inside one. The
 * interpreters' note and the speaker label before it are not the speech.
 */
const SPEAKER_LABEL = /^(?:[^\n():.!?]{1,80}?(?:\([^()\n]{1,60}\)\s*)?)?\((?:spoke|continued) in [A-Z][a-z]+(?:;[^()\n]{0,80})?\):?[ \t]*/;
const LANGUAGE_NOTE = /\s*\((?:spoke|continued) in [A-Z][a-z]+(?:;[^()\n]{0,80})?\)/g;

/** "(spoke in French)" on a line of its own: the speaker changed language, usually at a paragraph. */
export function isLanguageNote(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.startsWith('(') && /^\((?:spoke|continued) in [A-Z][a-z]+(?:;[^()\n]{0,80})?\)$/.test(trimmed);
}

export function removeInterpretationNotes(paragraph: string): string {
  if (!paragraph.includes('(spoke in') && !paragraph.includes('(continued in')) return paragraph;
  return paragraph.replace(SPEAKER_LABEL, '').replace(LANGUAGE_NOTE, '');
}
