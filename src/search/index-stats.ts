import type { Database } from '../store/database.js';

/**
 * Counts the ranking needs, remembered per connection until the corpus changes
 * (corpus_version goes up on every ingest that changes anything). Counting a
 * common word's passages walks its whole posting list (~40 ns a passage, 15 ms
 * for a word in 360,000 passages), so each count is paid once, not per search.
 */
export interface IndexStats {
  /** Passages in the index, and their average length in tokens over all columns. */
  passages: number;
  averageTokens: number;
  /** Statements in the statement index (statement_fts). */
  statements: number;
  /** Passages matching an FTS5 phrase, counting no further than `cap`. */
  countUpTo(phrase: string, cap: number): Promise<number>;
  /** Statements matching an FTS5 phrase in statement_fts, counting no further than `cap`. */
  statementsUpTo(phrase: string, cap: number): Promise<number>;
  /** Passages matching an FTS5 phrase, exactly. */
  count(phrase: string): Promise<number>;
  /** The rowid of the `n`-th most recently added passage matching a phrase (0 when fewer match). */
  recentRowid(phrase: string, n: number): Promise<number>;
}

const MAX_REMEMBERED = 20_000;
type FtsIndex = 'passage_fts' | 'statement_fts';
/** How long counts are trusted before corpus_version is read again (a search costs ~10 ms; this saves a round trip on most). */
const VERSION_CHECK_INTERVAL_MS = 1_000;
const remembered = new WeakMap<Database, { version: string; checkedAt: number; stats: IndexStats }>();

export async function indexStats(db: Database): Promise<IndexStats> {
  const known = remembered.get(db);
  const now = performance.now();
  if (known && now - known.checkedAt < VERSION_CHECK_INTERVAL_MS) return known.stats;
  const version = (await db.get<{ value: string }>(`SELECT value FROM corpus_meta WHERE key = 'corpus_version'`))?.value ?? '0';
  if (known?.version === version) {
    known.checkedAt = now;
    return known.stats;
  }

  // FTS5's "averages" record (rowid 1 of each index's _data table): row count, then total tokens per column.
  const averages = async (index: FtsIndex): Promise<number[]> => {
    const record = await db.get<{ block: Buffer | null }>(`SELECT block FROM ${index}_data WHERE id = 1`);
    return record?.block ? readVarints(record.block) : [];
  };
  const [passages = 0, ...columnTokens] = await averages('passage_fts');
  const [statements = 0] = await averages('statement_fts');
  const counts = new Map<string, number>();
  const remember = (key: string, value: number): number => {
    if (counts.size >= MAX_REMEMBERED) counts.clear();
    counts.set(key, value);
    return value;
  };
  /** Rows of `index` matching a phrase, counting no further than `cap`, remembered. */
  const countUpToIn = async (index: FtsIndex, phrase: string, cap: number): Promise<number> => {
    const key = `${index}:${cap}:${phrase}`;
    const cached = counts.get(key);
    if (cached !== undefined) return cached;
    const row = await db.get<{ n: number }>(`SELECT count(*) AS n FROM (SELECT rowid FROM ${index} WHERE ${index} MATCH ? LIMIT ?)`, [phrase, cap]);
    return remember(key, row?.n ?? 0);
  };
  const stats: IndexStats = {
    passages,
    statements,
    averageTokens: passages > 0 ? columnTokens.reduce((sum, n) => sum + n, 0) / passages : 0,
    async countUpTo(phrase, cap) {
      const exact = counts.get(`=${phrase}`);
      if (exact !== undefined) return Math.min(exact, cap);
      return countUpToIn('passage_fts', phrase, cap);
    },
    statementsUpTo(phrase, cap) {
      return countUpToIn('statement_fts', phrase, cap);
    },
    async count(phrase) {
      const cached = counts.get(`=${phrase}`);
      if (cached !== undefined) return cached;
      const row = await db.get<{ n: number }>('SELECT count(*) AS n FROM passage_fts WHERE passage_fts MATCH ?', [phrase]);
      return remember(`=${phrase}`, row?.n ?? 0);
    },
    async recentRowid(phrase, n) {
      const key = `@${n}:${phrase}`;
      const cached = counts.get(key);
      if (cached !== undefined) return cached;
      const row = await db.get<{ id: number }>('SELECT rowid AS id FROM passage_fts WHERE passage_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?', [phrase, n - 1]);
      return remember(key, row?.id ?? 0);
    },
  };
  remembered.set(db, { version, checkedAt: now, stats });
  return stats;
}

/** SQLite's varint: big-endian 7-bit groups with a continuation bit; a 9th byte carries 8 bits. */
export function readVarints(bytes: Uint8Array): number[] {
  const values: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    let value = 0;
    for (let n = 1; i < bytes.length; n++) {
      const byte = bytes[i++]!;
      if (n === 9) {
        value = value * 256 + byte;
        break;
      }
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) break;
    }
    values.push(value);
  }
  return values;
}
