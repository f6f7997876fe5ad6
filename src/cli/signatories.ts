/**
 * `npm run signatories -- <id|slug|title> [--json] [--db path]` — the
 * signatories a statement lists, with the statement cited.
 */
import { loadConfig, loadDotEnv } from '../config.js';
import { UserFacingError } from '../errors.js';
import { createCorpusRetriever } from '../search/corpus-retriever.js';
import { findStatementSignatories } from '../search/statement-signatories.js';
import { openForReading } from '../store/migrate.js';
import { resolveDatabasePath } from './args.js';
import { parseFlags, printable, runCli, UsageError } from './cli-run.js';
import { renderSignatoriesText } from './signatory-text.js';

const USAGE = 'Usage: npm run signatories -- <id|slug|title> [--json] [--db PATH]';

await runCli(USAGE, async () => {
  const { values, positionals } = parseFlags({ json: { type: 'boolean' }, db: { type: 'string' } });
  const key = positionals.join(' ').trim();
  if (key === '') throw new UsageError('Which statement? Give its id, slug or title (search shows them).');

  loadDotEnv();
  const db = await openForReading(resolveDatabasePath(values.db, loadConfig()));
  try {
    const found = await findStatementSignatories(createCorpusRetriever(db), key);
    if (!found) throw new UserFacingError('not_found', `No statement matches "${printable(key)}". Find it with: npm run search -- "${printable(key)}"`);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(found)}\n`);
      return 0;
    }
    process.stdout.write(`${renderSignatoriesText(found, 1, Infinity, () => '')}\n`);
    return 0;
  } finally {
    await db.close();
  }
});
