/**
 * Words broken across lines by a PDF: "inter-\nnational" must become
 * "international", but "anti-\nimperialist" stays "anti-imperialist". Without a
 * dictionary we decide in this order:
 *   1. a capital or digit after the break ("Secretary-\nGeneral", "mid-\n1990s") → keep;
 *   2. the document itself: the hyphenated form elsewhere (mid-line) → keep the
 *      hyphen; the joined word elsewhere → join;
 *   3. a second half that can't be a word of its own ("develop-\nment",
 *      "Organiza-\ntion") → join;
 *   4. otherwise keep. Measured on the UN General Debate Corpus, line-end
 *      hyphens are overwhelmingly real ("socio-economic", "long-standing",
 *      "good-neighbourly": its PDFs were not hyphenated by syllable), and a kept
 *      hyphen in "inter-national" harms reading and search less than a made-up
 *      "socioeconomic" or "nuclearweapon".
 */

/** Word endings that are never words on their own: what follows a syllable break. */
const SUFFIX_FRAGMENT = new RegExp(`^(${[
  'tion|tions|sion|sions|ment|ments|ness|ity|ities|ing|ings|ed|ly|ally|ive|ives',
  'ous|ance|ances|ence|ences|ant|ants|ent|ents|able|ible|ism|isms|ist|ists|ise',
  'ize|ised|ized|ising|izing|ation|ations|ure|ures|ty|ties|ry|ries|ic|ics|ical',
  'ful|less|ship|ships|hood|al|ial|ian|ians|ary|ory|cy|gy|ble|tive|tives',
  'sive|tional|tory|ular|ture|tures|ter|ters|ple|ples|dle|tle|cal|nal|tal|ral',
  'ria|tia|cial|tial|ious|eous|uous',
].join('|')})$`);

/**
 * The document's own evidence for step 2, searched only when a hyphen at a line
 * end needs deciding (most texts have none): building a word set for every
 * text costs more than all the rest of cleaning.
 */
export class HyphenationVocabulary {
  private lower: string | undefined;

  constructor(private readonly lines: readonly string[]) {}

  /** `word` appears in the text as a whole word (case-insensitive). */
  hasWord(word: string): boolean {
    return this.occurs(word.toLowerCase(), (next) => next !== '-');
  }

  /** `before-after` appears written with its hyphen, inside a line. */
  hasHyphenated(before: string, after: string): boolean {
    return this.occurs(`${before}-${after}`.toLowerCase(), () => true);
  }

  private occurs(needle: string, acceptNext: (next: string) => boolean): boolean {
    this.lower ??= this.lines.join('\n').toLowerCase();
    const text = this.lower;
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      const previous = text[at - 1] ?? ' ';
      const next = text[at + needle.length] ?? ' ';
      if (!isWordChar(previous) && previous !== '-' && !isWordChar(next) && acceptNext(next)) return true;
    }
    return false;
  }
}

function isWordChar(char: string): boolean {
  return /[\p{L}\p{N}]/u.test(char);
}

/**
 * Join `left` (ending in "word-") and `right` (starting with the rest): with the
 * hyphen kept ("anti-imperialist") or dropped ("international"). Never inserts a space.
 */
export function joinHyphenated(left: string, right: string, vocabulary: HyphenationVocabulary): string {
  const before = /([\p{L}]+)-$/u.exec(left)?.[1] ?? '';
  const after = /^[\p{L}\p{N}]+/u.exec(right)?.[0] ?? '';
  return keepsHyphen(before, after, vocabulary) ? left + right : left.slice(0, -1) + right;
}

function keepsHyphen(before: string, after: string, vocabulary: HyphenationVocabulary): boolean {
  if (before === '' || after === '' || !/^\p{Ll}/u.test(after)) return true;
  const lowerBefore = before.toLowerCase();
  if (vocabulary.hasHyphenated(lowerBefore, after)) return true;
  if (vocabulary.hasWord(lowerBefore + after)) return false;
  return !SUFFIX_FRAGMENT.test(after);
}
