import { repairMojibake } from './mojibake.js';

/**
 * The zero-width non-joiner and joiner (U+200C, U+200D) are spelling in
 * Persian, Kurdish, Urdu and the Indic scripts: "می‌کنیم" and "آتش‌بس" keep
 * their letters apart with one, and without it they join into another shape.
 * They stay after a letter or mark of such a script (the index splits words
 * there, as the query does); after a Latin, Greek or Cyrillic letter, or
 * after anything but a letter, they are invisible noise and go.
 */
const STRAY_JOINER = /(?<![\p{L}\p{M}])[\u200C\u200D]|(?<=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])[\u200C\u200D]/gu;

/**
 * Character-level clean-up of scraped and PDF-extracted text: one line-ending
 * convention, NFC, plain spaces, no invisible or control characters. Form feeds
 * survive as a line of their own ("\f"): they mark PDF page breaks, which the
 * unwrapping step needs to see.
 */
export function normaliseCharacters(raw: string): string {
  // "Aus¬tralian": OCR of the 1980s records wrote soft hyphens as a not sign.
  const text = raw.includes('¬') ? raw.replace(/(?<=\p{L})¬ ?(?:\r\n?|\n)?(?=\p{L})/gu, '') : raw;
  return (
    repairMojibake(text)
      // Byte-order marks, at the start or left inside by concatenated files.
      .replace(/\uFEFF/g, '')
      // CRLF, then bare CR (old Mac files in the UN corpus), and Unicode line/paragraph separators.
      .replace(/\r\n?/g, '\n')
      .replace(/[\u2028\u2029\u0085]/g, '\n')
      .replace(/\f/g, '\n\f\n')
      // Compose "e + ◌́" into "é" so search and quotes compare equal.
      .normalize('NFC')
      // No-break and other typographic spaces, and tabs, are plain spaces for a reader.
      .replace(/[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
      // Zero-width characters and soft hyphens are invisible and break words apart for search.
      .replace(/[\u00AD\u180E\u200B\u2060]/g, '')
      .replace(STRAY_JOINER, '')
      // Control characters (C0 except newline and the page-break form feed, DEL, C1). This also
      // removes \u0002/\u0003, which search uses as private highlight markers.
      .replace(/[\u0000-\u0009\u000B\u000D-\u001F\u007F-\u009F]/g, '')
      .replace(/ {2,}/g, ' ')
      // Trailing spaces go; one leading space stays, because PDF text marks paragraphs by indenting them.
      .replace(/ +$/gm, '')
  );
}
