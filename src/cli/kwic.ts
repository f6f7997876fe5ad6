/**
 * `npm run kwic -- "phrase" [--org X] [--from …] [--to …] [--sort date|organisation]
 * [--window N] [--page N] [--page-size N] [--json] [--db path]` — keyword in
 * context from the terminal: every occurrence of a word (stemmed) or a "quoted
 * phrase" (exact), one aligned line each, with counts per organisation.
 */
import { loadConfig, loadDotEnv } from '../config.js';
import { createCorpusRetriever } from '../search/corpus-retriever.js';
import { CONCORDANCE_SORTS, type ConcordanceSort } from '../search/kwic/concordance-types.js';
import { openForReading } from '../store/migrate.js';
import { resolveDatabasePath } from './args.js';
import { intFlag, parseFlags, runCli, UsageError } from './cli-run.js';
import { formatConcordance } from './kwic-format.js';

const USAGE = 'Usage: npm run kwic -- "phrase" [--org NAME] [--from YYYY[-MM[-DD]]] [--to …] [--sort date|organisation] [--window N] [--page N] [--page-size N] [--json] [--db PATH]\n       Stemmed by default (refugee finds refugees); in double quotes, exact: npm run kwic -- \'"refugees"\'';

await runCli(USAGE, async () => {
  const { values, positionals } = parseFlags({
    org: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    sort: { type: 'string' },
    window: { type: 'string' },
    page: { type: 'string' },
    'page-size': { type: 'string' },
    json: { type: 'boolean' },
    db: { type: 'string' },
  });
  const phrase = positionals.join(' ');
  if (phrase.trim() === '') throw new UsageError('Which word or phrase? e.g. npm run kwic -- refugee');
  const sort = values.sort ?? 'date';
  if (!CONCORDANCE_SORTS.includes(sort as ConcordanceSort)) throw new UsageError(`--sort must be date or organisation, not "${sort}".`);

  loadDotEnv();
  const db = await openForReading(resolveDatabasePath(values.db, loadConfig()));
  try {
    const result = await createCorpusRetriever(db).concordance(phrase, {
      organisationPrefix: values.org,
      from: values.from,
      to: values.to,
      sort: sort as ConcordanceSort,
      window: intFlag('window', values.window, undefined, 0),
      page: intFlag('page', values.page, 1),
      pageSize: intFlag('page-size', values['page-size'], undefined),
    });
    process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : formatConcordance(result, { bold: process.stdout.isTTY, next: (page) => `npm run kwic -- … --page ${page}` }));
    return 0;
  } finally {
    await db.close();
  }
});
