/**
 * The bundled corpus as the sources a model is given: ingested by the real
 * pipeline into a database in memory, each statement whole, numbered as the
 * labelled set numbers them ([1] ICOR, [2] CIPOML, [3] the Afghan anarchists,
 * [4] JAKNA, [5] the comrades' appeal).
 */
import { fileURLToPath } from 'node:url';
import type { NumberedSource } from '../src/answer/sources.js';
import { ingest } from '../src/corpus/ingest.js';
import { createLogger } from '../src/log.js';
import { openForWriting } from '../src/store/migrate.js';
import type { Passage, StatementSummary } from '../src/store/records.js';

const CORPUS = fileURLToPath(new URL('../corpus/', import.meta.url));
/** The labelled set's numbering: a word of each organisation's name, in source order. */
export const SOURCE_ORDER = ['ICOR', 'CIPOML', 'anarchists', 'JAKNA', 'Comrades'];

export async function bundledSources(): Promise<NumberedSource[]> {
  const db = await openForWriting(':memory:');
  try {
    await ingest(db, [CORPUS], { log: createLogger('silent') });
    const statements = await db.all<StatementSummary>('SELECT id, slug, external_id AS externalId, source, title, organisation, date, language, url FROM statements');
    return Promise.all(
      SOURCE_ORDER.map(async (word, index) => {
        const statement = statements.find((s) => s.organisation.includes(word));
        if (!statement) throw new Error(`No statement by ${word} in ${CORPUS}`);
        const passages = await db.all<Passage>('SELECT id, ordinal, text FROM passages WHERE statement_id = ? ORDER BY ordinal', [statement.id]);
        return { n: index + 1, statement, passages: passages.map((p) => ({ id: p.id, ordinal: p.ordinal, text: p.text, primary: true, rank: 0 })) };
      }),
    );
  } finally {
    await db.close();
  }
}
