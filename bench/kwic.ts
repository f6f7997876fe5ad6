/**
 * Keyword in context on the whole UN General Debate Corpus: how long
 * Retriever.concordance takes for a common word (page 1 and a deep page, by
 * date and by organisation), a common two-word phrase, a rarer word, a filter,
 * and exact (quoted) forms — beside the same SQL in the sqlite3 shell. Writes
 * the "kwic" section of docs/benchmarks.md. Run: npm run bench -- kwic
 */
import { existsSync } from 'node:fs';
import { createFtsRetriever } from '../src/search/fts-retriever.js';
import type { Concordance, ConcordanceOptions } from '../src/search/retriever.js';
import { openForReading } from '../src/store/migrate.js';
import { machineLine, writeBenchmarkSection } from './report.js';
import { ensureUngdcDatabase, UNGDC_DIR } from './search-corpus.js';
import { ensureSqliteShell, timeStatements } from './sqlite-shell.js';

const ROUNDS = 3;
/** What the shell needs before our SQL: the temp fts5vocab table concordance() creates once per connection. */
const VOCAB_TABLE = 'CREATE VIRTUAL TABLE IF NOT EXISTS temp.statement_fts_instances USING fts5vocab(main, statement_fts, instance)';

const CASES: { label: string; phrase: string; options: ConcordanceOptions }[] = [
  { label: 'common word, page 1, by date', phrase: 'peace', options: {} },
  { label: 'common word, page 1,000, by date', phrase: 'peace', options: { page: 1_000 } },
  { label: 'common word, page 1, by organisation', phrase: 'peace', options: { sort: 'organisation' } },
  { label: 'common phrase, page 1', phrase: 'united nations', options: {} },
  { label: 'rarer word, page 1', phrase: 'refugee', options: {} },
  { label: 'common word, one organisation', phrase: 'peace', options: { organisationPrefix: 'France' } },
  { label: 'exact rarer word, page 1', phrase: '"refugees"', options: {} },
  { label: 'exact common word, page 1', phrase: '"peace"', options: {} },
  { label: 'the most common word, page 1', phrase: 'the', options: {} },
  { label: 'the most common two words, page 1', phrase: 'of the', options: {} },
];

export async function benchKwic(): Promise<void> {
  const say = (line: string): void => console.log(line);
  if (!existsSync(UNGDC_DIR)) {
    say(`kwic: skipped — no UN corpus at ${UNGDC_DIR}`);
    return;
  }
  const shell = await ensureSqliteShell(say);
  const path = await ensureUngdcDatabase(say);
  const db = await openForReading(path);
  const retriever = createFtsRetriever(db);
  const rows: string[] = [];
  try {
    for (const { label, phrase, options } of CASES) {
      const statements: string[] = [];
      const listener = (sql: string): void => {
        if (!sql.startsWith('--') && !sql.startsWith('CREATE')) statements.push(sql);
      };
      db.raw.on('trace', listener);
      let result: Concordance;
      try {
        result = await retriever.concordance(phrase, options); // also warms the page cache
        await new Promise((resolve) => setImmediate(resolve)); // trace events arrive after the results
      } finally {
        db.raw.removeListener('trace', listener);
      }
      let ours = Number.POSITIVE_INFINITY;
      let inShell = Number.POSITIVE_INFINITY;
      for (let round = 0; round < ROUNDS; round++) {
        const started = performance.now();
        await retriever.concordance(phrase, options);
        ours = Math.min(ours, performance.now() - started);
        const times = await timeStatements(shell, path, [VOCAB_TABLE, ...statements]);
        inShell = Math.min(inShell, times.slice(1).reduce((a, b) => a + b, 0));
      }
      say(`${label}: ${ours.toFixed(0)} ms (shell ${inShell.toFixed(0)} ms), ${result.occurrences} occurrences`);
      rows.push(`| ${label} | \`${phrase}\`${describeOptions(options)} | ${result.occurrences.toLocaleString('en')} in ${result.statements.toLocaleString('en')} | ${statements.length} | ${ours.toFixed(0)} | ${inShell.toFixed(0)} |`);
    }
  } finally {
    await db.close();
  }
  const markdown = [
    '## Keyword in context (`/kwic`, `npm run kwic`)',
    '',
    `${await machineLine()}. The whole UN General Debate Corpus (${path}: every speech 1946–2024 as one statement), 10 lines a page, 5 words either side; each case run once to warm up, then ${ROUNDS} times, keeping the fastest (the machine is shared). The shell column is the same SQL (every statement concordance() ran, parameters inlined) in the sqlite3 shell: what remains is reading rows into JavaScript and, for exact phrases, scanning the text.`,
    '',
    '| case | phrase | occurrences in statements | SQL statements | concordance ms | shell ms |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    'Stemmed phrases are counted from the index alone (fts5vocab instances: one GROUP BY per word, consecutive offsets joined for a phrase), then only the page\'s statements are read; so a deep page costs what page 1 does. An exact (quoted) phrase cannot be counted by a stemmed index: every statement holding its stems is read and scanned (one pattern per statement, not a full tokenization, which took 14 s for `"peace"`), so its cost grows with how common the word is. The last two rows are the worst cases: every instance of "the" (2.8 million) is read from the index to count them, and a phrase of two such words joins both lists.',
  ].join('\n');
  writeBenchmarkSection('kwic', markdown);
  say(markdown);
}

function describeOptions(options: ConcordanceOptions): string {
  const parts = [options.sort && `sort ${options.sort}`, options.page && `page ${options.page}`, options.organisationPrefix && `org ${options.organisationPrefix}`].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}
