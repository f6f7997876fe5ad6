import { loadConfig, loadDotEnv } from '../config.js';
import { ingest } from '../corpus/ingest.js';
import { openForWriting } from '../store/migrate.js';
import { createWebFetcher } from '../web/fetcher.js';
import { webFetcherOptionsFromConfig } from '../web/options.js';
import { resolveDatabasePath } from './args.js';
import { parseFlags, runCli, UsageError } from './cli-run.js';
import { formatSummary, readTotals } from './ingest-summary.js';
import { ingestWebInputs, isWebAddress } from './ingest-web.js';
import { createProgress } from './progress.js';

const USAGE = `Usage: npm run ingest -- [--db path] [--prune] [--manifest file] [paths…]
       npm run ingest -- [--org name] [urls…] [--feed url]… [--sitemap url]…

Read statements from folders and files (.txt, .md with optional YAML front matter,
.html, .jsonl) into the corpus database. Default path: corpus/

An http(s) address is fetched: a web page or PDF becomes a statement (asked
again, only a changed page is re-ingested; it keeps its id and its old text).
A feed (RSS, Atom) or sitemap is followed: its pages are ingested now, and
\`npm run refresh\` asks it again daily for new and changed ones.

  --db path        database file (default: $DATABASE_PATH or db/corpus.sqlite)
  --prune          remove statements whose files are no longer among the inputs
  --manifest file  CSV or JSONL with metadata for plain files (column "path",
                   relative to the folder ingested; title, organisation, date,
                   language, url, id)
  --root folder    manifest paths are relative to this folder instead of each input
  --org name       the organisation of the web pages ingested (wins over the pages')
  --feed url       follow an RSS or Atom feed (repeatable)
  --sitemap url    follow a sitemap.xml or sitemap index (repeatable)
  -h, --help       show this help

Exit code 0 when every input went in, 1 when any failed (each printed on
standard error), 2 for a usage error.`;

await runCli(USAGE, async () => {
  const { values, positionals } = parseFlags({
    db: { type: 'string' },
    prune: { type: 'boolean', default: false },
    manifest: { type: 'string' },
    root: { type: 'string' },
    org: { type: 'string' },
    feed: { type: 'string', multiple: true, default: [] },
    sitemap: { type: 'string', multiple: true, default: [] },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  loadDotEnv();
  const config = loadConfig();
  const databasePath = resolveDatabasePath(values.db, config);
  const web = { urls: positionals.filter(isWebAddress), feeds: values.feed, sitemaps: values.sitemap, organisation: values.org };
  const paths = positionals.filter((argument) => !isWebAddress(argument));
  const fromWeb = web.urls.length + web.feeds.length + web.sitemaps.length > 0;
  if (values.org && !fromWeb) throw new UsageError('--org is for web pages, feeds and sitemaps; files give their organisation in front matter or a manifest.');
  const db = await openForWriting(databasePath);
  const progress = createProgress('Ingesting');
  try {
    let failed = 0;
    if (paths.length > 0 || !fromWeb) {
      const summary = await ingest(db, paths.length > 0 ? paths : ['corpus/'], {
        prune: values.prune,
        manifest: values.manifest,
        root: values.root,
        onProgress: (done, total, source) => progress.update(done, total, source),
      });
      progress.stop();
      for (const failure of summary.failures) process.stderr.write(`error: ${failure.source}: ${failure.message}\n`);
      process.stdout.write(`${formatSummary(summary, await readTotals(db), databasePath)}\n`);
      failed += summary.failed;
    }
    if (fromWeb) {
      const fetcher = createWebFetcher(webFetcherOptionsFromConfig(config));
      try {
        const out = (line: string) => process.stdout.write(`${line}\n`);
        failed += (await ingestWebInputs(db, fetcher, web, { out, err: (line) => process.stderr.write(`${line}\n`), progress: createProgress('Fetching') })).failed;
      } finally {
        await fetcher.close();
      }
    }
    return failed > 0 ? 1 : 0;
  } finally {
    progress.stop();
    await db.close();
  }
});
