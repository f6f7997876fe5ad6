import type { Database } from '../store/database.js';
import { createFtsRetriever } from './fts-retriever.js';
import type { Retriever } from './retriever.js';
import { withUnderstanding } from './understood-retriever.js';

/** The retriever every surface uses: SQLite FTS5, reading who and when a question names. */
export function createCorpusRetriever(db: Database, options: { now?: () => Date } = {}): Retriever {
  return withUnderstanding(createFtsRetriever(db), options);
}
