import type { LanguageCount } from '../search/retriever.js';

/**
 * The corpus's statement languages: those at least this share of its
 * statements are written in. A few statements in another language don't make
 * it one — a question in that language still finds them, and most of the
 * corpus would still be missed.
 */
const MIN_LANGUAGE_SHARE = 0.1;
/** A rewrite asks for translations into at most this many languages. */
const MAX_STATEMENT_LANGUAGES = 3;

/** The languages most statements are written in, largest first (none when no statement's language is known). */
export function statementLanguages(counts: readonly LanguageCount[]): string[] {
  const total = counts.reduce((sum, count) => sum + count.statements, 0);
  return counts
    .filter((count) => count.statements >= total * MIN_LANGUAGE_SHARE)
    .slice(0, MAX_STATEMENT_LANGUAGES)
    .map((count) => count.language);
}

/** Is the question in a language none of the corpus's statement languages is? (Unknown either side: no.) */
export function isForeignQuestion(questionLanguage: string | undefined, statements: readonly string[]): questionLanguage is string {
  return questionLanguage !== undefined && statements.length > 0 && !statements.includes(questionLanguage);
}
