import type { Database } from '../../store/database.js';
import { parseSpeechId, type UngdcSpeech } from './ungdc-names.js';
import type { CorpusStatistics } from './ungdc-topics.js';

/**
 * The UN corpus as ingested (`npm run ingest:ungdc`), read for the evaluation
 * set: its speeches, their text, and document frequencies from the statement
 * index (statement_fts, migration 0005), so topics are weighed with the
 * stems the search itself uses.
 */

/** Every statement whose external id is a UN speech's (`ISO_session_year`), by external id. */
export async function loadSpeeches(db: Database): Promise<UngdcSpeech[]> {
  const rows = await db.all<{ id: number; external_id: string; organisation: string; title: string }>(
    `SELECT id, external_id, organisation, title FROM statements WHERE external_id IS NOT NULL AND organisation <> '' ORDER BY external_id`,
  );
  return rows.flatMap((row) => {
    const parsed = parseSpeechId(row.external_id);
    return parsed ? [{ statementId: row.id, externalId: row.external_id, organisation: row.organisation, title: row.title, ...parsed }] : [];
  });
}

export async function speechText(db: Database, statementId: number): Promise<string> {
  return (await db.get<{ text: string }>('SELECT text FROM statements WHERE id = ?', [statementId]))?.text ?? '';
}

/**
 * Counts over the text column of statement_fts, remembered. Word counts come from an
 * fts5vocab table in the connection's temp schema (nothing is written to the
 * database, so a read-only connection will do); phrase counts are FTS5 phrase
 * queries.
 */
export async function corpusStatistics(db: Database): Promise<CorpusStatistics> {
  await db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.eval_statement_vocabulary USING fts5vocab(main, statement_fts, col)');
  const statements = (await db.get<{ n: number }>('SELECT count(*) AS n FROM statements'))?.n ?? 0;
  const stems = new Map<string, number>();
  const phrases = new Map<string, number>();
  const phraseQuery = (words: readonly string[]) => `text : "${words.map((word) => word.replace(/"/g, '""')).join(' ')}"`;
  return {
    statements,
    async stemDocuments(stem) {
      let documents = stems.get(stem);
      if (documents === undefined) {
        documents = (await db.get<{ doc: number }>(`SELECT doc FROM temp.eval_statement_vocabulary WHERE term = ? AND col = 'text'`, [stem]))?.doc ?? 0;
        stems.set(stem, documents);
      }
      return documents;
    },
    async phraseDocuments(words) {
      const query = phraseQuery(words);
      let documents = phrases.get(query);
      if (documents === undefined) {
        documents = (await db.get<{ n: number }>('SELECT count(*) AS n FROM statement_fts WHERE statement_fts MATCH ?', [query]))?.n ?? 0;
        phrases.set(query, documents);
      }
      return documents;
    },
    async countryDocuments(words, iso) {
      const row = await db.get<{ n: number }>(
        'SELECT count(*) AS n FROM statement_fts JOIN statements s ON s.id = statement_fts.rowid WHERE statement_fts MATCH ? AND s.external_id GLOB ?',
        [phraseQuery(words), `${iso}_*`],
      );
      return row?.n ?? 0;
    },
  };
}
