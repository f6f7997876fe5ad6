import { queryParts, quoteFts } from './fts-query.js';
import { porterStem } from './porter.js';
import { tokenize } from './tokenize.js';

/**
 * What a timeline counts: statements that mention a topic. A search ranks by
 * any of the words; a count can't — "climate change" OR-ed would count every
 * speech that says "change". So a topic is its parts, all required, close
 * together:
 * - a "quoted phrase" is that exact phrase;
 * - the other words (stop words dropped as in search, fts-query.ts) are each a word;
 * - one part alone is matched anywhere in the statement's text; several must
 *   all occur with at most NEAR_TOKENS words between them ("climate change" unquoted
 *   finds "climate change" and "change of climate", not "the political
 *   climate … change of government").
 * Every part is a quoted FTS5 string, so nothing typed is syntax.
 */
export const NEAR_TOKENS = 5;
/** Parts of a topic at most: a topic is a few words, not a question. */
export const MAX_TOPIC_PARTS = 8;

export interface TopicQuery {
  /** The FTS5 MATCH string, over the text column only (a title naming the topic is not the statement mentioning it). */
  match: string;
  /** Each part's stems in order (a phrase has several), to find the sentences that mention it. */
  parts: string[][];
}

/** The topic as a MATCH over statement text; null when nothing in it is searchable. */
export function topicQuery(topic: string): TopicQuery | null {
  const parts = queryParts(topic, MAX_TOPIC_PARTS);
  if (parts.length === 0) return null;
  const quoted = parts.map(quoteFts);
  const match = quoted.length === 1 ? `text : ${quoted[0]}` : `text : NEAR(${quoted.join(' ')}, ${NEAR_TOKENS})`;
  return { match, parts: parts.map((part) => part.split(' ').map(porterStem)) };
}

/**
 * Where a text mentions every part of the topic (each phrase's stems in a
 * row), as the offset of the first part found; undefined when a part is
 * missing. Stems as the index's porter tokenizer makes them.
 */
export function topicOffset(text: string, parts: readonly string[][]): number | undefined {
  const tokens = tokenize(text);
  const stems = tokens.map((token) => porterStem(token.folded));
  let first: number | undefined;
  for (const part of parts) {
    const at = stems.findIndex((_, i) => part.every((stem, j) => stems[i + j] === stem));
    if (at === -1) return undefined;
    first = Math.min(first ?? Infinity, tokens[at]!.start);
  }
  return first;
}
