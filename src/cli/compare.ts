/**
 * `npm run compare -- "topic" --org A --org B [--org C…] [--from …] [--to …] [--json] [--db path]`
 * — what two to five organisations said on a topic, one section each, every
 * sentence cited. The organisations may instead be named in the topic
 * ("Iran and Iraq on the war"). With no model configured each section is the
 * organisation's best verbatim sentences, and one line on standard error says so.
 */
import { existsSync } from 'node:fs';
import { createComparer } from '../answer/compare/comparer.js';
import { hasModel, loadConfig, loadDotEnv } from '../config.js';
import { UserFacingError } from '../errors.js';
import { log } from '../log.js';
import { createCorpusRetriever } from '../search/corpus-retriever.js';
import { openForReading } from '../store/migrate.js';
import { resolveDatabasePath } from './args.js';
import { parseFlags, runCli, UsageError } from './cli-run.js';
import { renderComparisonText } from './compare-render.js';

const USAGE = 'Usage: npm run compare -- "topic" --org NAME --org NAME [--org …] [--from YYYY[-MM[-DD]]] [--to …] [--json] [--db PATH]';

await runCli(USAGE, async () => {
  const { values, positionals } = parseFlags({
    org: { type: 'string', multiple: true },
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean' },
    db: { type: 'string' },
  });
  const topic = positionals.join(' ').trim();
  if (topic === '') throw new UsageError('What is the topic? Put it in quotes after --, then --org for each organisation.');

  loadDotEnv();
  const config = loadConfig();
  const path = resolveDatabasePath(values.db, config);
  if (path !== ':memory:' && !existsSync(path)) {
    throw new UserFacingError('no_database', `No database at ${path}. Build it first: npm run ingest -- --db ${path}`);
  }
  const db = await openForReading(path);
  try {
    if (!hasModel(config)) process.stderr.write('No model configured (set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server): comparing with verbatim quotes from the corpus.\n');
    const comparer = createComparer({ retriever: createCorpusRetriever(db), config, log });
    const result = await comparer.compare({ topic, organisations: values.org ?? [], from: values.from, to: values.to });
    // As for ask --json: the result as made, its texts plain with [n], "> " lines and \u0002…\u0003 bold spans.
    process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${renderComparisonText(result)}\n`);
    return 0;
  } finally {
    await db.close();
  }
});
