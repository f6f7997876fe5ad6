/**
 * `npm run statement -- <id|slug> [--page N] [--page-chars N] [--earlier N] [--json] [--db path]`
 * — one statement's metadata and its text, a page at a time; where it came
 * from, and with --earlier N the text it had before its N-th latest change.
 */
import { loadConfig, loadDotEnv } from '../config.js';
import { UserFacingError } from '../errors.js';
import { createCorpusRetriever } from '../search/corpus-retriever.js';
import { openForReading } from '../store/migrate.js';
import { resolveDatabasePath } from './args.js';
import { intFlag, parseFlags, printable, runCli, UsageError } from './cli-run.js';
import { historyLines } from './statement-history-render.js';

const USAGE = 'Usage: npm run statement -- <id|slug> [--page N] [--page-chars N] [--earlier N] [--json] [--db PATH]';
/** About a screenful of text. */
const DEFAULT_PAGE_CHARS = 3_000;
const MIN_PAGE_CHARS = 200;

await runCli(USAGE, async () => {
  const { values, positionals } = parseFlags({ page: { type: 'string' }, 'page-chars': { type: 'string' }, json: { type: 'boolean' }, db: { type: 'string' }, earlier: { type: 'string' } });
  const key = positionals.join(' ').trim();
  if (key === '') throw new UsageError('Which statement? Give its id or slug (search shows both).');
  const page = intFlag('page', values.page, 1);
  const pageChars = intFlag('page-chars', values['page-chars'], DEFAULT_PAGE_CHARS, MIN_PAGE_CHARS);
  const earlier = intFlag('earlier', values.earlier, undefined);

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
    const history = await retriever.statementHistory(statement.id);
    if (earlier !== undefined) {
      const version = history.earlier[earlier - 1];
      if (!version) throw new UsageError(`"${printable(statement.slug)}" has ${history.earlier.length === 0 ? 'no earlier text' : `${history.earlier.length} earlier text${history.earlier.length === 1 ? '' : 's'}`}.`);
      if (values.json) process.stdout.write(`${JSON.stringify({ id: statement.id, slug: statement.slug, ...version })}\n`);
      else process.stdout.write(`${printable(version.title)} — as it was from ${version.ingestedAt.slice(0, 10)} until ${version.replacedAt.slice(0, 10)} (the current text: npm run statement -- ${statement.slug})\n\n${printable(version.text)}\n`);
      return 0;
    }
    if (values.json) {
      const { text: _fullText, ...metadata } = statement;
      const earlierTexts = history.earlier.map(({ text: _text, ...rest }) => rest);
      process.stdout.write(`${JSON.stringify({ ...metadata, provenance: history.provenance, earlier: earlierTexts, page: shown.page, pageCount: shown.pageCount, text: shown.text })}\n`);
      return 0;
    }
    const details = [
      `${printable(statement.title || statement.slug)}`,
      `${printable(statement.organisation || 'Unknown organisation')}, ${statement.date ?? 'undated'}${statement.language ? ` · ${statement.language}` : ''}`,
      ...(statement.url ? [printable(statement.url)] : []),
      `id ${statement.id} · ${statement.slug} · ${statement.passageCount} passages · from ${printable(statement.source)}`,
      ...historyLines(history, statement.slug),
    ];
    const footer = shown.pageCount > 1 ? `\n— page ${shown.page} of ${shown.pageCount}${shown.page < shown.pageCount ? ` · next: npm run statement -- ${statement.slug} --page ${shown.page + 1}` : ''}\n` : '';
    process.stdout.write(`${details.join('\n')}\n\n${printable(shown.text)}\n${footer}`);
    return 0;
  } finally {
    await db.close();
  }
});

