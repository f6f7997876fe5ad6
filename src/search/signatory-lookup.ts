import type { Database } from '../store/database.js';
import { getStatement } from './lookup.js';
import { DEFAULT_SIGNED_LIMIT, MAX_CO_SIGNERS, MAX_SIGNED_LIMIT, MAX_SEARCH_OFFSET, type Signatory, type SignatoryCount, type SignedBy, type StatementSignatories } from './retriever.js';
import { loadSummaries } from './statement-rows.js';

interface SignatoryRow {
  statement_id: number;
  ordinal: number;
  group_heading: string | null;
  name: string;
  abbreviation: string | null;
  country: string | null;
  affiliation: string | null;
  kind: 'organisation' | 'person';
  start_offset: number;
  end_offset: number;
  passage_id: number | null;
}

/** A signatory's columns, and the passage holding the start of its entry (what a citation points at). */
const SIGNATORY_SQL = `SELECT g.*, (SELECT p.id FROM passages p WHERE p.statement_id = g.statement_id AND p.start_offset <= g.start_offset AND g.start_offset < p.end_offset ORDER BY p.ordinal LIMIT 1) AS passage_id
  FROM signatories g`;

const MAX_CHAR = '\u{10FFFF}';
/** A typed name shorter than this is not taken as the start of a longer one. */
const MIN_PREFIX_CHARS = 3;
const MAX_SUGGESTIONS = 100;

function toSignatory(row: SignatoryRow): Signatory {
  return {
    ordinal: row.ordinal,
    group: row.group_heading,
    name: row.name,
    abbreviation: row.abbreviation,
    country: row.country,
    affiliation: row.affiliation,
    kind: row.kind,
    start: row.start_offset,
    end: row.end_offset,
    passageId: row.passage_id,
  };
}

/** A statement (by id or slug) and the signatories it lists, in order. */
export async function statementSignatories(db: Database, idOrSlug: string | number): Promise<StatementSignatories | undefined> {
  const statement = await getStatement(db, idOrSlug);
  if (!statement) return undefined;
  const rows = await db.all<SignatoryRow>(`${SIGNATORY_SQL} WHERE g.statement_id = ? ORDER BY g.ordinal`, [statement.id]);
  const { text: _text, passageCount: _count, ingestedAt: _at, ...summary } = statement;
  return { statement: summary, signatories: rows.map(toSignatory) };
}

/**
 * Which entries are the organisation: its name or abbreviation as typed, any
 * case; failing that, names that start with it (autocomplete cuts a long
 * name at Discord's 100 characters); failing that, the same with accents,
 * case and apostrophes set aside ("cote d’ivoire" is "Côte d'Ivoire": SQLite's
 * NOCASE folds ASCII letters only, and lists are typed as their authors spell).
 */
async function matchingCondition(db: Database, organisation: string): Promise<{ where: string; params: string[] } | undefined> {
  const exact = { where: '(g.name = ? COLLATE NOCASE OR g.abbreviation = ? COLLATE NOCASE)', params: [organisation, organisation] };
  if (await db.get(`SELECT 1 FROM signatories g WHERE ${exact.where} LIMIT 1`, exact.params)) return exact;
  if (organisation.length >= MIN_PREFIX_CHARS) {
    const prefix = { where: '(g.name COLLATE NOCASE >= ? AND g.name COLLATE NOCASE < ?)', params: [organisation, organisation + MAX_CHAR] };
    if (await db.get(`SELECT 1 FROM signatories g WHERE ${prefix.where} LIMIT 1`, prefix.params)) return prefix;
  }
  return foldedCondition(db, organisation);
}

/** Names told apart by accents or case alone are rare; more than this many matches is a prefix too short to mean one organisation. */
const MAX_FOLDED_NAMES = 50;

async function foldedCondition(db: Database, organisation: string): Promise<{ where: string; params: string[] } | undefined> {
  const typed = foldName(organisation);
  if (typed === '') return undefined;
  const entries = await db.all<{ name: string; abbreviation: string | null }>('SELECT DISTINCT name, abbreviation FROM signatories');
  const exact = entries.filter((entry) => foldName(entry.name) === typed || (entry.abbreviation !== null && foldName(entry.abbreviation) === typed));
  const matching = exact.length > 0 || typed.length < MIN_PREFIX_CHARS ? exact : entries.filter((entry) => foldName(entry.name).startsWith(typed));
  const names = [...new Set(matching.map((entry) => entry.name))].slice(0, MAX_FOLDED_NAMES);
  if (names.length === 0) return undefined;
  return { where: `(g.name IN (${names.map(() => '?').join(', ')}))`, params: names };
}

/** A name as compared when typed loosely: no accents, lower case, one kind of apostrophe and of space. */
function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{Mark}/gu, '').toLowerCase().replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ').trim();
}

/** The statements an organisation signed, newest first, one page of them, and who signed the most of them besides it. */
export async function signedBy(db: Database, organisation: string, options: { limit?: number; offset?: number } = {}): Promise<SignedBy> {
  const typed = organisation.trim();
  const limit = Math.min(MAX_SIGNED_LIMIT, Math.max(1, Math.trunc(options.limit ?? DEFAULT_SIGNED_LIMIT) || DEFAULT_SIGNED_LIMIT));
  const offset = Math.min(MAX_SEARCH_OFFSET, Math.max(0, Math.trunc(options.offset ?? 0) || 0));
  const match = typed === '' ? undefined : await matchingCondition(db, typed);
  if (!match) return { names: [], statements: [], total: 0, coSigners: [] };

  // Its first entry in each statement it signed.
  const signed = `SELECT g.statement_id, min(g.ordinal) AS ordinal FROM signatories g WHERE ${match.where} GROUP BY g.statement_id`;
  const names = await db.all<{ name: string }>(`SELECT DISTINCT g.name FROM signatories g WHERE ${match.where} ORDER BY g.name LIMIT 20`, match.params);
  const total = (await db.get<{ n: number }>(`SELECT count(*) AS n FROM (${signed})`, match.params))?.n ?? 0;
  const rows = await db.all<SignatoryRow>(
    `${SIGNATORY_SQL} JOIN (${signed}) m ON m.statement_id = g.statement_id AND m.ordinal = g.ordinal
     JOIN statements s ON s.id = g.statement_id ORDER BY s.date IS NULL, s.date DESC, s.id DESC LIMIT ? OFFSET ?`,
    [...match.params, limit, offset],
  );
  const coSigners = await db.all<SignatoryCount>(
    `SELECT g.name AS name, max(g.abbreviation) AS abbreviation, count(DISTINCT g.statement_id) AS statements
     FROM signatories g WHERE g.statement_id IN (SELECT statement_id FROM (${signed})) AND (${match.where}) IS NOT 1
     GROUP BY g.name COLLATE NOCASE ORDER BY statements DESC, g.name COLLATE NOCASE LIMIT ?`,
    [...match.params, ...match.params, MAX_CO_SIGNERS],
  );
  const summaries = await loadSummaries(db, rows.map((row) => row.statement_id));
  return {
    names: names.map((row) => row.name),
    statements: rows.map((row) => ({ statement: summaries.get(row.statement_id)!, signatory: toSignatory(row) })),
    total,
    coSigners,
  };
}

/** Signatory names or abbreviations starting with the prefix, then names with a word starting with it; most statements first. */
export async function suggestSignatories(db: Database, prefix: string, limit = 25): Promise<SignatoryCount[]> {
  const wanted = Math.min(MAX_SUGGESTIONS, Math.max(1, Math.trunc(limit) || 25));
  const typed = prefix.trim().slice(0, 200);
  const escaped = typed.replace(/[\\%_]/g, (c) => `\\${c}`);
  return db.all<SignatoryCount>(
    `SELECT g.name AS name, max(g.abbreviation) AS abbreviation, count(DISTINCT g.statement_id) AS statements,
       max(g.name LIKE ?1 || '%' ESCAPE '\\' OR coalesce(g.abbreviation, '') LIKE ?1 || '%' ESCAPE '\\') AS starts
     FROM signatories g
     WHERE ?1 = '' OR g.name LIKE ?1 || '%' ESCAPE '\\' OR g.abbreviation LIKE ?1 || '%' ESCAPE '\\' OR g.name LIKE '% ' || ?1 || '%' ESCAPE '\\'
     GROUP BY g.name COLLATE NOCASE ORDER BY starts DESC, statements DESC, g.name COLLATE NOCASE LIMIT ?2`,
    [escaped, wanted],
  ).then((rows) => rows.map(({ name, abbreviation, statements }) => ({ name, abbreviation, statements })));
}
