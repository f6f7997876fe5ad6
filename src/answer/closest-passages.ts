import { quotedSourceHeading, type ExtractiveAnswer } from './extractive.js';
import { messagesFor } from './messages.js';
import { splitSentences } from './sentences.js';
import { citedSource, type NumberedSource, type SourcePassage } from './sources.js';
import { contentStems, stem, stemsMatch, words } from './terms.js';

/** Statements whose closest passage is shown: the best two of the retrieval. */
const MAX_CLOSEST_STATEMENTS = 2;
/** Characters of one passage shown; a longer one is cut at sentence ends, around its first match. */
const MAX_EXCERPT_CHARS = 600;

/**
 * When the statements found match the question's words but none of their
 * sentences matches it well enough to quote (extractive.ts), the best
 * retrieved passage of each of the best statements, verbatim and cited,
 * under a note that they may not answer the question — the corpus does say
 * something near it, which "not covered" would deny. Undefined with no
 * retrieved passage.
 */
export function closestPassagesAnswer(question: string, sources: readonly NumberedSource[], language: string, why: 'no-model' | 'fallback'): ExtractiveAnswer | undefined {
  const terms = contentStems(question, language);
  const chosen = sources
    .flatMap((source) => {
      const [best] = source.passages.filter((passage) => passage.primary).sort((a, b) => a.rank - b.rank);
      return best ? [{ source, passage: best }] : [];
    })
    .sort((a, b) => a.passage.rank - b.passage.rank)
    .slice(0, MAX_CLOSEST_STATEMENTS);
  if (chosen.length === 0) return undefined;

  const m = messagesFor(language);
  const blocks = [why === 'no-model' ? m.closestIntro : m.closestFallbackIntro];
  const cited = chosen.map(({ source, passage }, index) => {
    const n = index + 1;
    const excerpt = closestExcerpt(passage, terms);
    blocks.push(`${quotedSourceHeading(source, n)}\n${quoteLines(excerpt)}`);
    return citedSource(n, source, [{ passageId: passage.id, text: passage.text, quotes: [excerpt.text] }]);
  });
  return { text: blocks.join('\n\n'), sources: cited };
}

interface Excerpt {
  /** An exact substring of the passage. */
  text: string;
  cutBefore: boolean;
  cutAfter: boolean;
}

/** The passage whole when short enough; else the run of sentences from its first one holding a question word, as far as fits. */
export function closestExcerpt(passage: Pick<SourcePassage, 'text'>, terms: readonly string[]): Excerpt {
  const text = passage.text.trim();
  if (text.length <= MAX_EXCERPT_CHARS) return { text, cutBefore: false, cutAfter: false };
  const spans = splitSentences(text);
  const matches = (start: number, end: number) => words(text.slice(start, end)).some((word) => terms.some((term) => stemsMatch(stem(word), term)));
  const first = Math.max(0, spans.findIndex((span) => matches(span.start, span.end)));
  const start = spans[first]?.start ?? 0;
  let end = spans[first]?.end ?? text.length;
  for (const span of spans.slice(first + 1)) {
    if (span.end - start > MAX_EXCERPT_CHARS) break;
    end = span.end;
  }
  // One sentence longer than the limit: its words up to the limit.
  if (end - start > MAX_EXCERPT_CHARS) end = start + (text.slice(start, start + MAX_EXCERPT_CHARS).match(/^[\s\S]*\S(?=\s)/)?.[0].length ?? MAX_EXCERPT_CHARS);
  return { text: text.slice(start, end), cutBefore: start > 0, cutAfter: end < text.length };
}

/** Block-quote lines ("> …", ">" between paragraphs), the cuts shown outside the verbatim words. */
function quoteLines(excerpt: Excerpt): string {
  const lines = excerpt.text.split('\n').map((line) => line.trim());
  if (excerpt.cutBefore) lines[0] = `… ${lines[0]}`;
  if (excerpt.cutAfter) lines[lines.length - 1] = `${lines.at(-1)} …`;
  return lines.map((line) => (line === '' ? '>' : `> ${line}`)).join('\n');
}
