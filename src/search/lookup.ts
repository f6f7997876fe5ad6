import type { Database } from '../store/database.js';
import type { Statement, StatementSummary } from '../store/records.js';
import { corpusVersion } from '../store/statement-writes.js';
import { quoteFts } from './fts-query.js';
import { paginate } from './pages.js';
import type { CorpusOverview, LanguageCount, OrganisationCount, PassageInContext, StatementPage } from './retriever.js';
import { loadNeighbours, PASSAGE_COLUMNS, SUMMARY_COLUMNS, toPassage, toSummary, type PassageRow, type SummaryRow } from './statement-rows.js';
import { tokenize } from './tokenize.js';

/** Discord shows at most 25 autocomplete choices. */
export const DEFAULT_SUGGESTIONS = 25;
const MAX_SUGGESTIONS = 100;
/** Autocomplete input past this is not a prefix anyone typed. */
const MAX_PREFIX_CHARS = 200;
const MAX_PREFIX_WORDS = 8;
/** The overview lists the organisations with the most statements, up to this many. */
export const MAX_OVERVIEW_ORGANISATIONS = 100;
const MAX_CHAR = '\u{10FFFF}';

interface StatementRow extends SummaryRow {
  text: string;
  ingested_at: string;
  passage_count: number;
}

const STATEMENT_SQL = `SELECT ${SUMMARY_COLUMNS}, s.text, s.ingested_at,
  (SELECT count(*) FROM passages p WHERE p.statement_id = s.id) AS passage_count
  FROM statements s`;

/**
 * One statement by id (a number, or a string of digits) or by slug. A string of
 * digits that is no statement's id is tried as a slug too ("2021" may be one).
 */
export async function getStatement(db: Database, idOrSlug: string | number): Promise<Statement | undefined> {
  const key = typeof idOrSlug === 'number' ? String(idOrSlug) : idOrSlug.trim();
  if (key === '') return undefined;
  let row: StatementRow | undefined;
  if (/^\d{1,15}$/.test(key)) row = await db.get<StatementRow>(`${STATEMENT_SQL} WHERE s.id = ?`, [Number(key)]);
  row ??= await db.get<StatementRow>(`${STATEMENT_SQL} WHERE s.slug = ?`, [key.toLowerCase()]);
  return row ? { ...toSummary(row), text: row.text, passageCount: row.passage_count, ingestedAt: row.ingested_at } : undefined;
}

/**
 * Statements for autocomplete, best first: titles starting with the prefix,
 * then organisations starting with it (both served by the NOCASE indexes), then
 * titles or organisations with words starting with it ("kor" → "… Korean
 * peninsula", via statement_lookup's prefix index). An empty prefix gives the
 * most recent statements.
 */
export async function suggestStatements(db: Database, prefix: string, limit = DEFAULT_SUGGESTIONS): Promise<StatementSummary[]> {
  const wanted = Math.min(MAX_SUGGESTIONS, Math.max(1, Math.trunc(limit) || DEFAULT_SUGGESTIONS));
  const typed = prefix.trim().slice(0, MAX_PREFIX_CHARS);
  if (typed === '') {
    const rows = await db.all<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM statements s ORDER BY s.date DESC, s.id DESC LIMIT ?`, [wanted]);
    return rows.map(toSummary);
  }
  const found = new Map<number, StatementSummary>();
  const add = (rows: SummaryRow[]): void => {
    for (const row of rows) if (found.size < wanted && !found.has(row.id)) found.set(row.id, toSummary(row));
  };
  add(await db.all<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM statements s WHERE s.title COLLATE NOCASE >= ? AND s.title COLLATE NOCASE < ? ORDER BY s.title COLLATE NOCASE LIMIT ?`, [typed, typed + MAX_CHAR, wanted]));
  if (found.size < wanted) {
    add(await db.all<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM statements s WHERE s.organisation COLLATE NOCASE >= ? AND s.organisation COLLATE NOCASE < ? ORDER BY s.organisation COLLATE NOCASE, s.date DESC LIMIT ?`, [typed, typed + MAX_CHAR, wanted]));
  }
  const words = wordPrefixQuery(typed);
  if (found.size < wanted && words) {
    add(await db.all<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM statement_lookup JOIN statements s ON s.id = statement_lookup.rowid
       WHERE statement_lookup MATCH ? ORDER BY statement_lookup.rank LIMIT ?`,
      [words, wanted * 2],
    ));
  }
  return [...found.values()];
}

/**
 * Organisations for autocomplete with how many statements each has: names
 * starting with the prefix, then names with a word starting with it
 * ("kingdom" → "United Kingdom"). An empty prefix lists the largest.
 */
export async function suggestOrganisations(db: Database, prefix: string, limit = DEFAULT_SUGGESTIONS): Promise<OrganisationCount[]> {
  const wanted = Math.min(MAX_SUGGESTIONS, Math.max(1, Math.trunc(limit) || DEFAULT_SUGGESTIONS));
  const typed = prefix.trim().slice(0, MAX_PREFIX_CHARS);
  const found = new Map<string, OrganisationCount>();
  const add = (rows: OrganisationCount[]): void => {
    for (const row of rows) if (found.size < wanted && !found.has(row.organisation.toLowerCase())) found.set(row.organisation.toLowerCase(), row);
  };
  add(await db.all(
    `SELECT s.organisation AS organisation, count(*) AS statements FROM statements s
     WHERE s.organisation <> '' AND s.organisation COLLATE NOCASE >= ? AND s.organisation COLLATE NOCASE < ?
     GROUP BY s.organisation COLLATE NOCASE ORDER BY statements DESC, s.organisation LIMIT ?`,
    [typed, typed + MAX_CHAR, wanted],
  ));
  const words = wordPrefixQuery(typed, 'organisation');
  if (found.size < wanted && words) {
    add(await db.all(
      `SELECT s.organisation AS organisation, count(*) AS statements FROM statement_lookup JOIN statements s ON s.id = statement_lookup.rowid
       WHERE statement_lookup MATCH ? GROUP BY s.organisation COLLATE NOCASE ORDER BY statements DESC, s.organisation LIMIT ?`,
      [words, wanted * 2],
    ));
  }
  return [...found.values()];
}

/** `"united" "king"*`: every typed word, the last one as a prefix; null when no word was typed. */
function wordPrefixQuery(typed: string, column?: 'organisation'): string | null {
  const words = tokenize(typed, MAX_PREFIX_WORDS).map((token) => token.folded);
  if (words.length === 0) return null;
  const last = words.length - 1;
  const terms = words.map((word, i) => (i === last && !/\s$/.test(typed) ? `${quoteFts(word)}*` : quoteFts(word))).join(' ');
  return column ? `${column}: (${terms})` : terms;
}

/**
 * One page of a statement's text, `pageChars` at most, breaking at paragraph or
 * sentence ends (pages.ts). `page` is 1-based and clamped to the pages there
 * are; the result says which page it is and how many there are.
 */
export async function getStatementPage(db: Database, idOrSlug: string | number, page: number, pageChars: number): Promise<StatementPage | undefined> {
  const statement = await getStatement(db, idOrSlug);
  if (!statement) return undefined;
  const pages = paginate(statement.text, pageChars);
  if (pages.length === 0) return { statement, page: 1, pageCount: 1, text: '' };
  const number = Math.min(pages.length, Math.max(1, Math.trunc(page) || 1));
  const span = pages[number - 1]!;
  return { statement, page: number, pageCount: pages.length, text: statement.text.slice(span.start, span.end) };
}

/** A passage with its statement and up to `neighbours` passages on each side. */
export async function getPassageInContext(db: Database, passageId: number, neighbours: number): Promise<PassageInContext | undefined> {
  if (!Number.isSafeInteger(passageId)) return undefined;
  const row = await db.get<PassageRow>(`SELECT ${PASSAGE_COLUMNS} FROM passages p WHERE p.id = ?`, [passageId]);
  if (!row) return undefined;
  const summary = await db.get<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM statements s WHERE s.id = ?`, [row.statement_id]);
  if (!summary) return undefined;
  const context = await loadNeighbours(db, row.statement_id, row.ordinal, Math.max(0, Math.min(20, Math.trunc(neighbours) || 0)));
  return { statement: toSummary(summary), passage: toPassage(row), ...context };
}

/** What the corpus holds: counts, organisations (the largest MAX_OVERVIEW_ORGANISATIONS), date range, last ingest. */
export async function corpusOverview(db: Database): Promise<CorpusOverview> {
  const [totals, passages, organisations, lastRun, version] = await Promise.all([
    db.get<{ statements: number; earliest: string | null; latest: string | null; ingested: string | null }>(
      'SELECT count(*) AS statements, min(date) AS earliest, max(date) AS latest, max(ingested_at) AS ingested FROM statements',
    ),
    db.get<{ passages: number }>('SELECT count(*) AS passages FROM passages'),
    db.all<OrganisationCount>(
      `SELECT organisation, count(*) AS statements FROM statements WHERE organisation <> ''
       GROUP BY organisation COLLATE NOCASE ORDER BY statements DESC, organisation LIMIT ?`,
      [MAX_OVERVIEW_ORGANISATIONS],
    ),
    db.get<{ finished: string | null }>('SELECT max(finished_at) AS finished FROM ingest_runs'),
    corpusVersion(db),
  ]);
  return {
    statements: totals?.statements ?? 0,
    passages: passages?.passages ?? 0,
    organisations,
    earliest: totals?.earliest ?? null,
    latest: totals?.latest ?? null,
    lastIngestAt: lastRun?.finished ?? totals?.ingested ?? null,
    corpusVersion: version,
  };
}

/**
 * Every organisation with its number of statements, largest first, each
 * spelling as it is written (what a question's words are matched against;
 * the overview and suggestions merge spellings that differ only in case).
 */
export async function listOrganisations(db: Database): Promise<OrganisationCount[]> {
  const rows = await db.all<{ organisation: string; statements: number; aliases: string | null }>(
    `SELECT s.organisation, count(DISTINCT s.id) AS statements, json_group_array(DISTINCT a.alias) FILTER (WHERE a.alias IS NOT NULL) AS aliases
     FROM statements s LEFT JOIN statement_aliases a ON a.statement_id = s.id
     WHERE s.organisation <> '' GROUP BY s.organisation ORDER BY statements DESC, s.organisation`,
  );
  return rows.map(({ organisation, statements, aliases }) => {
    const names = aliases ? (JSON.parse(aliases) as string[]) : [];
    return { organisation, statements, ...(names.length > 0 ? { aliases: names } : {}) };
  });
}

/** The statements' languages with their counts, largest first; statements of unknown language are left out. */
export async function listLanguages(db: Database): Promise<LanguageCount[]> {
  return db.all<LanguageCount>(`SELECT language, count(*) AS statements FROM statements WHERE language IS NOT NULL AND language <> '' GROUP BY language ORDER BY statements DESC, language`);
}
