/**
 * `npm run signed -- <organisation> [--limit N] [--offset N] [--json] [--db path]`
 * — the statements an organisation signed (by its name or abbreviation in a
 * list of signatories), newest first, and who co-signs with it most often.
 */
import { loadConfig, loadDotEnv } from '../config.js';
import { createCorpusRetriever } from '../search/corpus-retriever.js';
import { DEFAULT_SIGNED_LIMIT, MAX_SEARCH_OFFSET, MAX_SIGNED_LIMIT } from '../search/retriever.js';
import { openForReading } from '../store/migrate.js';
import { resolveDatabasePath } from './args.js';
import { intFlag, parseFlags, runCli, UsageError } from './cli-run.js';
import { renderSignedText } from './signatory-text.js';

const USAGE = 'Usage: npm run signed -- <organisation name or abbreviation> [--limit N] [--offset N] [--json] [--db PATH]';

await runCli(USAGE, async () => {
  const { values, positionals } = parseFlags({ limit: { type: 'string' }, offset: { type: 'string' }, json: { type: 'boolean' }, db: { type: 'string' } });
  const organisation = positionals.join(' ').trim();
  if (organisation === '') throw new UsageError('Which organisation? Give its name or abbreviation as a list of signatories gives it.');
  const limit = Math.min(MAX_SIGNED_LIMIT, intFlag('limit', values.limit, DEFAULT_SIGNED_LIMIT));
  const offset = Math.min(MAX_SEARCH_OFFSET, intFlag('offset', values.offset, 0, 0));

  loadDotEnv();
  const db = await openForReading(resolveDatabasePath(values.db, loadConfig()));
  try {
    const result = await createCorpusRetriever(db).signedBy(organisation, { limit, offset });
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ organisation, ...result })}\n`);
      return 0;
    }
    const page = Math.floor(offset / limit) + 1;
    process.stdout.write(`${renderSignedText(organisation, result, page, limit, (n) => `npm run signed -- "${organisation}" --offset ${(n - 1) * limit}`)}\n`);
    return 0;
  } finally {
    await db.close();
  }
});
