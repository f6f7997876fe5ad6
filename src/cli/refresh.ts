import { existsSync } from 'node:fs';
import { loadConfig, loadDotEnv } from '../config.js';
import { openForWriting } from '../store/migrate.js';
import { createWebFetcher } from '../web/fetcher.js';
import { webFetcherOptionsFromConfig } from '../web/options.js';
import { resolveDatabasePath } from './args.js';
import { parseFlags, runCli } from './cli-run.js';
import { createProgress } from './progress.js';
import { runRefresh } from './refresh-run.js';

/** Read when it exists and no --sources is given. */
const DEFAULT_SOURCES_FILE = 'sources.yaml';

const USAGE = `Usage: npm run refresh -- [--sources sources.yaml] [--force] [--db path] [--json]

Ask the followed feeds, sitemaps and pages for what is new or changed since
the last refresh, and ingest only that. Every request is conditional (ETag,
Last-Modified); an unchanged page is not re-ingested; a changed one keeps its
id and its previous text as a version. Sources come from the sources file
(see sources.example.yaml) and from npm run ingest -- --feed/--sitemap.

  --sources file   the sources file (default: ${DEFAULT_SOURCES_FILE} when there is one)
  --force          refresh every source now, due or not, without validators
  --db path        database file (default: $DATABASE_PATH or db/corpus.sqlite)
  --json           the report as one JSON object
  -h, --help       show this help

Prints added / changed / unchanged / failed (with each failure's reason).
Exit code 0 when nothing failed, 1 when a page or list failed, 2 for a usage error.`;

await runCli(USAGE, async () => {
  const { values } = parseFlags({
    sources: { type: 'string' },
    force: { type: 'boolean', default: false },
    db: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  loadDotEnv();
  const config = loadConfig();
  const db = await openForWriting(resolveDatabasePath(values.db, config));
  const fetcher = createWebFetcher(webFetcherOptionsFromConfig(config));
  try {
    const sourcesPath = values.sources ?? (existsSync(DEFAULT_SOURCES_FILE) ? DEFAULT_SOURCES_FILE : undefined);
    return await runRefresh(db, fetcher, { sourcesPath, force: values.force, json: values.json }, { out: (text) => process.stdout.write(`${text}\n`), progress: values.json ? undefined : createProgress('Refreshing') });
  } finally {
    await fetcher.close();
    await db.close();
  }
});
