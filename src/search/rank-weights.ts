/**
 * bm25 column weights for passage_fts (text, title, organisation). FTS5 adds a
 * column's weight × term frequency into one bm25 score, so a title word counts
 * as two words of text: a statement titled "… Afghanistan" is about
 * Afghanistan even where a passage doesn't repeat the word; naming an
 * organisation ("what did ICOR say …") likewise favours its statements without
 * being a filter. Text stays the base: it is what distinguishes passages of one
 * statement. Measured on SciFact (title only): weights 1/2 beat 1/1 and 1/3.
 */
export const COLUMN_WEIGHTS = { text: 1, title: 2, organisation: 2 } as const;
/**
 * The score, as an ORDER BY expression. `ORDER BY bm25(…) LIMIT n` lets SQLite
 * keep only the best n rows while FTS5 scores the matches; `ORDER BY rank`
 * makes FTS5 sort every match first — twice as slow at 100k matches.
 */
export const BM25 = `bm25(passage_fts, ${COLUMN_WEIGHTS.text}, ${COLUMN_WEIGHTS.title}, ${COLUMN_WEIGHTS.organisation})`;
