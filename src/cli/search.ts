/**
 * `npm run search -- "query" [--org X] [--from 2021-01-01] [--to …] [--limit N]
 * [--offset N] [--advanced] [--json] [--db path]` — search the corpus from the
 * terminal. With `-` as the query, one query per standard-input line; with
 * --json, one JSON line per query (machine-readable, for scripts and evals).
 */
import { createInterface } from 'node:readline';
import { loadConfig, loadDotEnv } from '../config.js';
import { isUserFacingError } from '../errors.js';
import { renderHighlights } from '../search/highlight.js';
import { createCorpusRetriever } from '../search/corpus-retriever.js';
import { understoodLine } from '../search/understood-line.js';
import type { Retriever, SearchOptions, SearchResult, Understood } from '../search/retriever.js';
import { openForReading } from '../store/migrate.js';
import { resolveDatabasePath } from './args.js';
import { intFlag, parseFlags, printable, runCli, UsageError } from './cli-run.js';

const USAGE = 'Usage: npm run search -- "query" [--org NAME] [--from YYYY[-MM[-DD]]] [--to …] [--limit N] [--offset N] [--advanced] [--json] [--db PATH]\n       npm run search -- - --json < queries.txt   (one query per line, one JSON line per query)';
const BOLD = ['\x1b[1m', '\x1b[22m'] as const;
const PLAIN_MARKS = ['«', '»'] as const;

/** One line of --json output: the hits of one query (or its error). */
interface SearchJsonLine {
  query: string;
  ftsQuery: string;
  total: number;
  hits: {
    statementId: number;
    externalId: string | null;
    slug: string;
    title: string;
    organisation: string;
    date: string | null;
    url: string | null;
    score: number;
    /** The best passage around the matches, matched words in «…». */
    snippet: string;
    passageId: number;
    passageOrdinal: number;
    passage: string;
  }[];
  error?: { code: string; message: string };
  /** Who and when the query named, and whether the search kept to them. */
  understood?: Understood;
}

await runCli(USAGE, async () => {
  const { values, positionals } = parseFlags({
    org: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    limit: { type: 'string' },
    offset: { type: 'string' },
    advanced: { type: 'boolean' },
    json: { type: 'boolean' },
    db: { type: 'string' },
  });
  const options: SearchOptions = {
    organisationPrefix: values.org,
    from: values.from,
    to: values.to,
    limit: intFlag('limit', values.limit, 10),
    offset: intFlag('offset', values.offset, 0, 0),
    advanced: values.advanced ?? false,
    // Who and when a plain query names become filters (not with --advanced, whose syntax says what it means).
    understand: !(values.advanced ?? false),
  };
  const input = positionals.join(' ');
  if (input.trim() === '') throw new UsageError('What should I search for? Give a query, or - to read queries from standard input.');

  loadDotEnv();
  const db = await openForReading(resolveDatabasePath(values.db, loadConfig()));
  try {
    const retriever = createCorpusRetriever(db);
    if (input === '-') return await searchEachLine(retriever, options, values.json ?? false);
    const result = await retriever.search(input, options);
    process.stdout.write(values.json ? `${JSON.stringify(toJsonLine(input, result))}\n` : formatForPeople(input, result, options));
    return 0;
  } finally {
    await db.close();
  }
});


/**
 * Standard-input mode: each non-blank line is a query, answered in order. A
 * query that fails (bad advanced syntax) reports its error on its own line and
 * the rest go on; the exit code then says something failed.
 */
async function searchEachLine(retriever: Retriever, options: SearchOptions, json: boolean): Promise<number> {
  let failed = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line.trim() === '') continue;
    try {
      const result = await retriever.search(line, options);
      process.stdout.write(json ? `${JSON.stringify(toJsonLine(line, result))}\n` : formatForPeople(line, result, options));
    } catch (error) {
      if (!isUserFacingError(error)) throw error;
      failed++;
      if (json) process.stdout.write(`${JSON.stringify({ query: line, ftsQuery: '', total: 0, hits: [], error: { code: error.code, message: error.message } } satisfies SearchJsonLine)}\n`);
      else process.stderr.write(`${printable(line)}: ${error.message}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

function toJsonLine(query: string, result: SearchResult): SearchJsonLine {
  return {
    query,
    ftsQuery: result.query,
    total: result.total,
    ...(result.understood ? { understood: result.understood } : {}),
    hits: result.hits.map((hit) => ({
      statementId: hit.statement.id,
      externalId: hit.statement.externalId,
      slug: hit.statement.slug,
      title: hit.statement.title,
      organisation: hit.statement.organisation,
      date: hit.statement.date,
      url: hit.statement.url,
      score: Number(hit.score.toFixed(4)),
      snippet: renderHighlights(hit.snippet, ...PLAIN_MARKS),
      passageId: hit.passage.id,
      passageOrdinal: hit.passage.ordinal,
      passage: hit.passage.text,
    })),
  };
}

/** Numbered statements: title — organisation, date; the snippet below, matches in bold (or «…» in a pipe). */
function formatForPeople(input: string, result: SearchResult, options: SearchOptions): string {
  const understood = understoodLine(result.understood);
  return (understood ? `${printable(understood)}\n` : '') + formatHits(input, result, options);
}

function formatHits(input: string, result: SearchResult, options: SearchOptions): string {
  if (result.query === '' && result.hits.length === 0) return `Nothing to search for in "${printable(input)}" — try some words.\n`;
  if (result.hits.length === 0) {
    return result.total > 0 ? `No more results: "${printable(input)}" matched ${result.total} statements.\n` : `No statements match "${printable(input)}".\n`;
  }
  const [open, close] = process.stdout.isTTY ? BOLD : PLAIN_MARKS;
  const first = (options.offset ?? 0) + 1;
  const lines = result.hits.map((hit, i) => {
    const { title, organisation, date, slug } = hit.statement;
    const byline = [organisation || 'unknown organisation', date ?? 'undated'].join(', ');
    const snippet = renderHighlights(hit.snippet, open, close, (text) => printable(text).replace(/\s+/g, ' '));
    return `${first + i}. ${printable(title || slug)} — ${printable(byline)}  [${slug}]\n   ${snippet}`;
  });
  const shown = `${first}–${first + result.hits.length - 1}`;
  return `${lines.join('\n\n')}\n\nStatements ${shown} of ${result.total}${result.total >= 100 ? '+' : ''}. Read one: npm run statement -- <slug>\n`;
}
