/**
 * `npm run statement -- <id|slug> [--page N] [--page-chars N] [--json] [--db path]`
 * — one statement's metadata and its text, a page at a time.
 */
import { loadConfig, loadDotEnv } from '../config.js';
import { UserFacingError } from '../errors.js';
import { createCorpusRetriever } from '../search/corpus-retriever.js';
import { openForReading } from '../store/migrate.js';
import { resolveDatabasePath } from './args.js';
import { intFlag, parseFlags, printable, runCli, UsageError } from './cli-run.js';

const USAGE = 'Usage: npm run statement -- <id|slug> [--page N] [--page-chars N] [--json] [--db PATH]';
/** About a screenful of text. */
const DEFAULT_PAGE_CHARS = 3_000;
const MIN_PAGE_CHARS = 200;

await runCli(USAGE, async () => {
  const { values, positionals } = parseFlags({ page: { type: 'string' }, 'page-chars': { type: 'string' }, json: { type: 'boolean' }, db: { type: 'string' } });
  const key = positionals.join(' ').trim();
  if (key === '') throw new UsageError('Which statement? Give its id or slug (search shows both).');
  const page = intFlag('page', values.page, 1);
  const pageChars = intFlag('page-chars', values['page-chars'], DEFAULT_PAGE_CHARS, MIN_PAGE_CHARS);

  loadDotEnv();
  const db = await openForReading(resolveDatabasePath(values.db, loadConfig()));
  try {
    const retriever = createCorpusRetriever(db);
    const shown = await retriever.getStatementPage(key, page, pageChars);
    if (!shown) {
      const similar = await retriever.suggestStatements(key, 3);
      const hint = similar.length > 0 ? ` Did you mean: ${similar.map((s) => s.slug).join(', ')}?` : ` Find it with: npm run search -- "${printable(key)}"`;
      throw new UserFacingError('not_found', `No statement with id or slug "${printable(key)}".${hint}`);
    }
    if (shown.page !== page) throw new UsageError(`There is no page ${page}: "${printable(shown.statement.slug)}" has ${shown.pageCount} page${shown.pageCount === 1 ? '' : 's'} of ${pageChars} characters.`);
    const { statement } = shown;
    if (values.json) {
      const { text: _fullText, ...metadata } = statement;
      process.stdout.write(`${JSON.stringify({ ...metadata, page: shown.page, pageCount: shown.pageCount, text: shown.text })}\n`);
      return 0;
    }
    const details = [
      `${printable(statement.title || statement.slug)}`,
      `${printable(statement.organisation || 'Unknown organisation')}, ${statement.date ?? 'undated'}${statement.language ? ` · ${statement.language}` : ''}`,
      ...(statement.url ? [printable(statement.url)] : []),
      `id ${statement.id} · ${statement.slug} · ${statement.passageCount} passages · from ${printable(statement.source)}`,
    ];
    const footer = shown.pageCount > 1 ? `\n— page ${shown.page} of ${shown.pageCount}${shown.page < shown.pageCount ? ` · next: npm run statement -- ${statement.slug} --page ${shown.page + 1}` : ''}\n` : '';
    process.stdout.write(`${details.join('\n')}\n\n${printable(shown.text)}\n${footer}`);
    return 0;
  } finally {
    await db.close();
  }
});

