import { normaliseCharacters } from './characters.js';
import { isChromeLine, isLanguageNote, isPageFurniture, removeAppendedAppeal, removeEditorsNotes, removeInterpretationNotes, removePhotoCaptions } from './chrome.js';
import { looksLikeSignature } from './signature.js';
import { PAGE_BREAK, unwrapLines } from './unwrap.js';

/**
 * Scraped or PDF-extracted text → the statement as a reader should see it:
 * characters normalised (BOM, line endings, NFC, spaces, control characters),
 * site chrome, record furniture and photo captions removed, hard-wrapped lines
 * re-joined into paragraphs with line-end hyphenation mended, an editors' note
 * and an appeal appended after the signature cut, and paragraphs separated by
 * exactly one blank line. Deterministic, and idempotent (cleaning clean text
 * changes nothing), so passage offsets into the result are stable.
 */
export function cleanText(raw: string): string {
  const lines = removePhotoCaptions(
    normaliseCharacters(raw)
      .split('\n')
      .filter((line) => !isChromeLine(line))
      .map((line) => (isPageFurniture(line) ? PAGE_BREAK : isLanguageNote(line) ? '' : line)),
  );
  let paragraphs = unwrapLines(lines);
  paragraphs = removeEditorsNotes(paragraphs);
  paragraphs = removeAppendedAppeal(paragraphs, looksLikeSignature);
  return paragraphs
    .map((paragraph) => removeInterpretationNotes(paragraph).replace(/ {2,}/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}
